package org.careweave.adt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST API for the HL7v2 message log and re-processing (administrators). Message text is not served here. */
@RestController
@RequestMapping("/api/hl7-messages")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class MessageLogApiController {

    private final MessageLog log;

    MessageLogApiController(MessageLog log) {
        this.log = log;
    }

    @GetMapping
    List<MessageSummary> search(@RequestParam(required = false) MessageStatus status,
                                @RequestParam(required = false) String event,
                                @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                                @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be between 1 and 1000");
        }
        return log.search(new MessageFilter(status == null ? null : status.name(), event, from, to, limit));
    }

    @GetMapping("/{id}")
    ResponseEntity<?> find(@PathVariable long id) {
        return log.find(id).<ResponseEntity<?>>map(ResponseEntity::ok).orElseGet(() -> notFound(id));
    }

    /** Applies a waiting message again; {@code registerUnknown} lets an unknown patient become a new person. */
    @PostMapping("/{id}/reprocessing")
    ResponseEntity<?> reprocess(@PathVariable long id, @RequestParam(defaultValue = "false") boolean registerUnknown) {
        return log.reprocess(id, registerUnknown)
                .<ResponseEntity<?>>map(outcome -> ResponseEntity.ok(Map.of("id", id, "status", outcome.status(),
                        "ack", outcome.ack(), "reason", outcome.reason() == null ? "" : outcome.reason())))
                .orElseGet(() -> log.find(id).isPresent() ? conflict(id) : notFound(id));
    }

    @PostMapping("/reprocessing")
    Map<MessageStatus, Long> reprocessWaiting() {
        return log.reprocessWaiting();
    }

    private static ResponseEntity<?> notFound(long id) {
        return problem(HttpStatus.NOT_FOUND, "CW-404-HL7-MESSAGE", "No HL7 message " + id);
    }

    private static ResponseEntity<?> conflict(long id) {
        return problem(HttpStatus.CONFLICT, "CW-409-HL7-NOT-WAITING",
                "HL7 message " + id + " is applied or rejected, not waiting; only unmatched or failed messages are "
                        + "re-processed");
    }

    private static ResponseEntity<?> problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return ResponseEntity.status(status).body(problem);
    }
}
