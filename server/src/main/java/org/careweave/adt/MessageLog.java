package org.careweave.adt;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.careweave.audit.AuditEvent;
import org.careweave.audit.AuditTrail;
import org.careweave.shared.RequestClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Service;

/**
 * The administrators' view of received messages: the log, each message's text (personal data, so every viewing is
 * audited against the person it is about) and re-processing of waiting messages, each in its own transaction.
 */
@Service
class MessageLog {

    private final AdtMessages messages;
    private final AdtReceiver receiver;
    private final AuditTrail audit;

    MessageLog(AdtMessages messages, AdtReceiver receiver, AuditTrail audit) {
        this.messages = messages;
        this.receiver = receiver;
        this.audit = audit;
    }

    List<MessageSummary> search(MessageFilter filter) {
        return messages.search(filter);
    }

    Optional<MessageSummary> find(long id) {
        return messages.find(id);
    }

    /** The message as received, recorded in the audit trail as a read of the person's data by the signed-in user. */
    Optional<String> text(long id) {
        Optional<MessageSummary> message = messages.find(id);
        message.ifPresent(m -> audit.record(event(m)));
        return message.flatMap(m -> messages.raw(id));
    }

    /** @return the new outcome, or empty when the message is not waiting (unknown, applied or rejected) */
    Optional<Outcome> reprocess(long id, boolean registerUnknown) {
        return receiver.reprocess(id, registerUnknown);
    }

    /** Re-processes every waiting message, oldest first (so a visit's messages are applied in arrival order). */
    java.util.Map<MessageStatus, Long> reprocessWaiting() {
        return messages.waitingIds(10_000).stream().map(id -> receiver.reprocess(id, false))
                .flatMap(Optional::stream)
                .collect(Collectors.groupingBy(Outcome::status, Collectors.counting()));
    }

    private static AuditEvent event(MessageSummary message) {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        String roles = who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted()
                .collect(Collectors.joining(","));
        return AuditEvent.of(AuditEvent.Action.READ, AuditEvent.Outcome.SUCCESS, null, who.getName(),
                who instanceof JwtAuthenticationToken ? AuditEvent.ActorType.SYSTEM : AuditEvent.ActorType.STAFF,
                roles, null, "HOPERAT", message.personId(), "HL7v2Message", Long.toString(message.id()), null,
                RequestClient.address());
    }
}
