package org.careweave.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.access.AccessContext;
import org.careweave.access.AccessIntent;
import org.careweave.access.AccessPolicy;
import org.careweave.access.Callers;
import org.careweave.access.Purpose;
import org.careweave.caseload.CaseloadEpisode;
import org.careweave.caseload.Caseloads;
import org.careweave.organisation.Team;
import org.careweave.organisation.Teams;
import org.careweave.record.PersonRecords;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * EpisodeOfCare serves two kinds: record items of that type (social care episodes, numeric ids, as
 * {@link RecordItemResourceProvider}) and caseload and virtual ward episodes ({@code caseload-<id>}) with their
 * care manager, team, managing organisation (the team's lead), period and reason. HAPI allows one provider per type.
 */
@Component
class EpisodeOfCareResourceProvider implements IResourceProvider {

    static final String CASELOAD_PREFIX = "caseload-";
    static final String PROGRAMME_SYSTEM = "https://careweave.org/fhir/CodeSystem/caseload-programme";
    static final String REASON = "https://careweave.org/fhir/StructureDefinition/episode-reason";

    private final RecordItemResourceProvider items;
    private final Caseloads caseloads;
    private final Teams teams;
    private final AccessPolicy policy;
    private final Callers callers;

    EpisodeOfCareResourceProvider(PersonRecords records, Callers callers, RecordItemMapper mapper,
                                  Caseloads caseloads, Teams teams, AccessPolicy policy) {
        this.items = new RecordItemResourceProvider(EpisodeOfCare.class, records, callers, mapper);
        this.caseloads = caseloads;
        this.teams = teams;
        this.policy = policy;
        this.callers = callers;
    }

    @Override
    public Class<EpisodeOfCare> getResourceType() {
        return EpisodeOfCare.class;
    }

    @Read
    public Resource read(@IdParam IdType id) {
        String idPart = id.getIdPart();
        if (!idPart.startsWith(CASELOAD_PREFIX)) {
            return items.read(id);
        }
        long episodeId = FhirErrors.idOf(idPart.substring(CASELOAD_PREFIX.length()), "EpisodeOfCare");
        CaseloadEpisode episode = caseloads.find(episodeId).orElseThrow(() ->
                new ResourceNotFoundException("EpisodeOfCare/" + idPart + " does not exist"));
        return FhirErrors.translated(() -> {
            policy.requireDemographics(callers.current(Purpose.DIRECT_CARE), episode.personId(),
                    AccessIntent.read("EpisodeOfCare", idPart));
            return toFhir(episode);
        });
    }

    @Search
    public List<IBaseResource> search(@OptionalParam(name = EpisodeOfCare.SP_PATIENT) ReferenceParam patient,
                                      @OptionalParam(name = EpisodeOfCare.SP_STATUS) TokenParam status,
                                      @OptionalParam(name = EpisodeOfCare.SP_CARE_MANAGER) ReferenceParam careManager,
                                      @OptionalParam(name = "team") ReferenceParam team) {
        List<IBaseResource> found = new ArrayList<>();
        List<CaseloadEpisode> episodes;
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        if (patient != null) {
            found.addAll(items.byPatient(patient).stream().filter(r -> careManager == null && team == null
                    && (!(r instanceof EpisodeOfCare e) || matches(e, status))).toList());
            episodes = caseloads.historyOf(FhirErrors.idOf(patient.getIdPart(), "Patient"));
        } else if (careManager != null) {
            episodes = caseloads.activeForCareManager(FhirErrors.idOf(careManager.getIdPart(), "Practitioner"));
        } else if (team != null) {
            episodes = caseloads.activeForTeam(FhirErrors.idOf(team.getIdPart(), "CareTeam"));
        } else {
            throw new InvalidRequestException("Search EpisodeOfCare by patient, care-manager or team");
        }
        for (CaseloadEpisode episode : episodes) {
            EpisodeOfCare resource = toFhir(episode);
            boolean wanted = matches(resource, status)
                    && (careManager == null || careManager.getIdPart().equals(Long.toString(episode.careManagerId())))
                    && (team == null || team.getIdPart().equals(Long.toString(episode.teamId())));
            // Listing by patient was decided (and audited) by the record read above; by team or care manager,
            // each person is decided here.
            if (wanted && (patient != null || policy.checkDemographics(who, episode.personId(),
                    AccessIntent.search("EpisodeOfCare", careManager != null ? "care-manager" : "team")))) {
                found.add(resource);
            }
        }
        return found;
    }

    private static boolean matches(EpisodeOfCare episode, TokenParam status) {
        return status == null || episode.getStatus().toCode().equals(status.getValue());
    }

    EpisodeOfCare toFhir(CaseloadEpisode episode) {
        EpisodeOfCare resource = new EpisodeOfCare();
        resource.setId(CASELOAD_PREFIX + episode.id());
        resource.setStatus(episode.active() ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                : EpisodeOfCare.EpisodeOfCareStatus.FINISHED);
        resource.addType(new CodeableConcept(new Coding(PROGRAMME_SYSTEM, episode.programme().name(),
                episode.programme() == CaseloadEpisode.Programme.VIRTUAL_WARD ? "Virtual ward" : "Caseload")));
        resource.setPatient(new Reference("Patient/" + episode.personId()));
        resource.setPeriod(new Period().setStart(Date.from(episode.startedAt()))
                .setEnd(episode.endedAt() == null ? null : Date.from(episode.endedAt())));
        resource.setCareManager(new Reference("Practitioner/" + episode.careManagerId()));
        resource.addTeam(new Reference("CareTeam/" + episode.teamId()));
        teams.find(episode.teamId()).map(Team::leadOrganisationId).ifPresent(lead ->
                resource.setManagingOrganization(new Reference("Organization/" + lead)));
        resource.addExtension(REASON, new StringType(episode.reason()));
        return resource;
    }
}
