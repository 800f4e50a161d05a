package org.careweave.access;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and withdraws a person's sharing choices ({@link Consents}) for a caller: each change is decided and
 * audited as a Consent create or update. Under break-glass a clinician may record an objection or withdraw a
 * permission, which narrow what is shared, but not the reverse: break-glass overrides sharing agreements, never the
 * person's own choices.
 */
@Service
@Transactional
public class SharingChoices {

    private final AccessPolicy policy;
    private final Consents consents;

    SharingChoices(AccessPolicy policy, Consents consents) {
        this.policy = policy;
        this.consents = consents;
    }

    /**
     * @param organisationId the organisation objected to (for {@code OBJECT_ORGANISATION})
     * @param category       the category objected to or permitted (for the other kinds)
     * @throws IllegalArgumentException naming what is missing or wrong
     */
    public Consents.Directive record(AccessContext who, long personId, Consents.Kind kind, Long organisationId,
                                     DataCategory category, String note) {
        policy.requireSharingChoice(who, personId, AccessIntent.create("Consent", null),
                kind == Consents.Kind.PERMIT_SENSITIVE);
        long id = switch (kind) {
            case OBJECT_ORGANISATION -> consents.objectToOrganisation(personId, required(organisationId, "an organisation"),
                    note, who.actor());
            case OBJECT_CATEGORY -> consents.objectToCategory(personId, required(category, "a category"), note,
                    who.actor());
            case PERMIT_SENSITIVE -> consents.permitSensitive(personId, required(category, "a category"), note,
                    who.actor());
        };
        return consents.find(id).orElseThrow();
    }

    /** @throws IllegalArgumentException when the choice is not this person's or is already withdrawn */
    public void withdraw(AccessContext who, long personId, long consentId) {
        Optional<Consents.Directive> choice = consents.find(consentId).filter(c -> c.personId() == personId);
        boolean widens = choice.map(c -> c.kind() != Consents.Kind.PERMIT_SENSITIVE).orElse(false);
        policy.requireSharingChoice(who, personId, AccessIntent.update("Consent", consentId), widens);
        if (choice.isEmpty()) {
            throw new IllegalArgumentException("That sharing choice is not this person's");
        }
        if (!choice.get().active()) {
            throw new IllegalArgumentException("That sharing choice was already withdrawn");
        }
        consents.withdraw(consentId, who.actor());
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("Choose " + what);
        }
        return value;
    }
}
