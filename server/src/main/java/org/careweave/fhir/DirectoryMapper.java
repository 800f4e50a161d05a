package org.careweave.fhir;

import org.careweave.organisation.Organisation;
import org.careweave.organisation.StaffAccount;
import org.careweave.organisation.StaffMember;
import org.careweave.organisation.Team;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;

/** Organisations, staff, their roles and teams as UK Core-shaped FHIR resources. */
final class DirectoryMapper {

    static final String ODS_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
    static final String USERNAME_SYSTEM = "https://careweave.org/fhir/Id/username";
    static final String ROLE_SYSTEM = "https://careweave.org/fhir/CodeSystem/role";
    static final String ORGANISATION_TYPE_SYSTEM = "https://careweave.org/fhir/CodeSystem/organisation-type";

    private DirectoryMapper() {
    }

    static org.hl7.fhir.r4.model.Organization organisation(Organisation o) {
        org.hl7.fhir.r4.model.Organization resource = new org.hl7.fhir.r4.model.Organization();
        resource.setId(Long.toString(o.id()));
        resource.getMeta().addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization");
        resource.addIdentifier().setSystem(ODS_SYSTEM).setValue(o.odsCode());
        resource.setActive(true).setName(o.name());
        resource.addType(new CodeableConcept(new Coding(ORGANISATION_TYPE_SYSTEM, o.type().name(), o.type().label())));
        if (o.parentId() != null) {
            resource.setPartOf(new Reference("Organization/" + o.parentId()));
        }
        if (o.postcode() != null) {
            resource.addAddress().setPostalCode(o.postcode());
        }
        return resource;
    }

    static Practitioner practitioner(StaffMember member) {
        Practitioner resource = new Practitioner();
        resource.setId(Long.toString(member.id()));
        resource.getMeta().addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Practitioner");
        resource.addIdentifier().setSystem(USERNAME_SYSTEM).setValue(member.username());
        resource.setActive(member.enabled());
        resource.addName(new HumanName().setText(member.displayName()));
        return resource;
    }

    static PractitionerRole role(StaffMember member, StaffAccount.RoleAt role) {
        PractitionerRole resource = new PractitionerRole();
        resource.setId(member.id() + "-" + role.organisationId() + "-" + role.role().name().toLowerCase().replace('_', '-'));
        resource.getMeta().addProfile("https://fhir.hl7.org.uk/StructureDefinition/UKCore-PractitionerRole");
        resource.setActive(member.enabled());
        resource.setPractitioner(new Reference("Practitioner/" + member.id()).setDisplay(member.displayName()));
        resource.setOrganization(new Reference("Organization/" + role.organisationId()).setDisplay(role.organisationName()));
        resource.addCode(new CodeableConcept(new Coding(ROLE_SYSTEM, role.role().name(), role.role().label())));
        return resource;
    }

    static CareTeam team(Team team) {
        CareTeam resource = new CareTeam();
        resource.setId(Long.toString(team.id()));
        resource.setStatus(CareTeam.CareTeamStatus.ACTIVE).setName(team.name());
        resource.addCategory(new CodeableConcept(new Coding("https://careweave.org/fhir/CodeSystem/team-kind",
                team.kind().name(), null)));
        resource.addManagingOrganization(new Reference("Organization/" + team.leadOrganisationId()));
        team.memberIds().forEach(id -> resource.addParticipant().setMember(new Reference("Practitioner/" + id)));
        return resource;
    }
}
