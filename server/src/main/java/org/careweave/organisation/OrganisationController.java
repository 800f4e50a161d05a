package org.careweave.organisation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The directory of organisations taking part, grouped by type. */
@Controller
class OrganisationController {

    private final Organisations organisations;

    OrganisationController(Organisations organisations) {
        this.organisations = organisations;
    }

    @GetMapping("/organisations")
    String directory(Model model) {
        Map<OrganisationType, List<DirectoryEntry>> byType = organisations.directory().stream()
                .collect(Collectors.groupingBy(DirectoryEntry::type, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("groups", byType);
        return "organisation/directory";
    }
}
