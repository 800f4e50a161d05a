package org.careweave.population;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The neighbourhood profile page: aggregate figures only, so every signed-in role may see it. */
@Controller
class NeighbourhoodController {

    private final NeighbourhoodProfiles profiles;

    NeighbourhoodController(NeighbourhoodProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/neighbourhood")
    String profile(Model model) {
        NeighbourhoodProfile profile = profiles.current();
        model.addAttribute("profile", profile);
        model.addAttribute("pyramid", Pyramid.of(profile.ageBands()));
        model.addAttribute("largestPractice", largest(profile.practices().stream()
                .mapToLong(p -> p.residents().value())));
        model.addAttribute("largestCondition", largest(profile.conditions().stream()
                .mapToLong(c -> c.people().value())));
        model.addAttribute("largestDecile", largest(profile.deciles().stream()
                .mapToLong(d -> d.residents().value())));
        return "population/neighbourhood";
    }

    private static long largest(java.util.stream.LongStream values) {
        return values.max().orElse(0);
    }
}
