package org.careweave.web;

import java.security.Principal;

import org.careweave.organisation.Staff;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Staff staff;

    HomeController(Staff staff) {
        this.staff = staff;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Principal principal, Model model) {
        model.addAttribute("account", staff.findAccount(principal.getName()).orElseThrow());
        return "home";
    }
}
