package org.careweave.web;

import org.careweave.identity.SignedInUser;
import org.careweave.identity.StaffPrincipal;

import java.util.List;

import org.careweave.organisation.DemoUser;
import org.careweave.organisation.Staff;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in and each signed-in user's home page. */
@Controller
class HomeController {

    private final Staff staff;
    private final boolean demoEnabled;

    // A single flag read by the web shell; the demo feature owns the rest of careweave.demo.*.
    HomeController(Staff staff, @Value("${careweave.demo.enabled:false}") boolean demoEnabled) {
        this.staff = staff;
        this.demoEnabled = demoEnabled;
    }

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String signedOut,
                 Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("signedOut", signedOut != null && error == null);
        model.addAttribute("demoUsers", demoEnabled ? staff.demoUsers() : List.<DemoUser>of());
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal StaffPrincipal principal, Model model) {
        model.addAttribute("heldRoles", principal.profile().distinctRoles());
        return "home";
    }
}
