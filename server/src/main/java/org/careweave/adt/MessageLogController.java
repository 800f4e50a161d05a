package org.careweave.adt;

import java.time.LocalDate;
import java.util.EnumSet;

import org.careweave.shared.England;
import org.careweave.shared.NavigationEntry;
import org.careweave.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's screen for HL7v2 messages: the log, a message's detail and text, re-processing. */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MessageLogController {

    private final MessageLog log;

    MessageLogController(MessageLog log) {
        this.log = log;
    }

    @Bean
    static NavigationEntry hl7MessagesNavigation() {
        return new NavigationEntry("HL7 messages", "/admin/hl7-messages", 85, EnumSet.of(Role.ADMINISTRATOR));
    }

    @GetMapping("/admin/hl7-messages")
    String list(@RequestParam(required = false) MessageStatus status, @RequestParam(required = false) String event,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        String trigger = event == null || event.isBlank() ? null : event.strip().toUpperCase(java.util.Locale.ROOT);
        model.addAttribute("messages", log.search(new MessageFilter(status == null ? null : status.name(), trigger,
                from == null ? null : from.atStartOfDay(England.ZONE).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(England.ZONE).toInstant(), 200)));
        model.addAttribute("statuses", MessageStatus.values());
        model.addAttribute("events", MessageHeader.ACCEPTED_EVENTS.stream().sorted().toList());
        model.addAttribute("status", status);
        model.addAttribute("event", trigger);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "adt/messages";
    }

    @GetMapping("/admin/hl7-messages/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("message", log.find(id).orElseThrow(() -> notFound(id)));
        return "adt/message";
    }

    @GetMapping("/admin/hl7-messages/{id}/text")
    String text(@PathVariable long id, Model model) {
        model.addAttribute("message", log.find(id).orElseThrow(() -> notFound(id)));
        model.addAttribute("segments", log.text(id).orElseThrow(() -> notFound(id)).split("\r"));
        return "adt/message";
    }

    @PostMapping("/admin/hl7-messages/{id}/reprocess")
    String reprocess(@PathVariable long id, @RequestParam(defaultValue = "false") boolean register,
                     RedirectAttributes redirect) {
        log.reprocess(id, register).ifPresentOrElse(
                outcome -> redirect.addFlashAttribute("notice", "Re-processed: " + outcome.status()
                        + (outcome.reason() == null ? "" : " (" + outcome.reason() + ")")),
                () -> redirect.addFlashAttribute("error", "Message " + id + " is not waiting, so it was not "
                        + "re-processed."));
        return "redirect:/admin/hl7-messages/" + id;
    }

    @PostMapping("/admin/hl7-messages/reprocess")
    String reprocessWaiting(RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "Re-processed waiting messages: " + log.reprocessWaiting());
        return "redirect:/admin/hl7-messages";
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND, "No HL7 message " + id);
    }
}
