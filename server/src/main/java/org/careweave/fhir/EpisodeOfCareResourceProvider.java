package org.careweave.fhir;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
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
import org.hl7.fhir.r4.model.Bundle;
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

    EpisodeOfCareResourceProvider(FhirContext fhir, RecordSearch search, Callers callers, Caseloads caseloads,
                                  Teams teams, AccessPolicy policy) {
        this.items = new RecordItemResourceProvider(fhir, "EpisodeOfCare", search);
        this.caseloads = caseloads;
        this.teams = teams;
        this.policy = policy;
        this.callers = callers;
    }

    @Override
    public Class<EpisodeOfCare> getResourceType() {
        return EpisodeOfCare.class;
    }

    @Read(version = true)
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

    /**
     * By patient: the record's EpisodeOfCare items (with the record search's parameters and paging, decided and
     * audited once there) followed by the person's caseload episodes. By care manager or team: their open caseload
     * episodes, each person decided by the policy.
     */
    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        Map<String, String[]> parameters = request.getParameters();
        String careManager = SearchParameters.single(parameters, EpisodeOfCare.SP_CARE_MANAGER);
        String team = SearchParameters.single(parameters, "team");
        String status = SearchParameters.single(parameters, EpisodeOfCare.SP_STATUS);
        if (careManager == null && team == null) {
            Bundle bundle = items.search(request);
            String patient = Optional.ofNullable(SearchParameters.single(parameters, EpisodeOfCare.SP_PATIENT))
                    .orElse(SearchParameters.single(parameters, "subject"));
            if (patient != null && !parameters.containsKey("_cursor")) {
                for (CaseloadEpisode episode : caseloads.historyOf(FhirErrors.idOf(idPart(patient), "Patient"))) {
                    add(bundle, toFhir(episode), status);
                }
            }
            return bundle;
        }
        if (careManager != null && team != null) {
            throw new InvalidRequestException("Search EpisodeOfCare by care-manager or by team, not both");
        }
        List<CaseloadEpisode> episodes = careManager != null
                ? caseloads.activeForCareManager(FhirErrors.idOf(idPart(careManager), "Practitioner"))
                : caseloads.activeForTeam(FhirErrors.idOf(idPart(team), "CareTeam"));
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setTotal(0);
        for (CaseloadEpisode episode : episodes) {
            if (policy.checkDemographics(who, episode.personId(),
                    AccessIntent.search("EpisodeOfCare", careManager != null ? "care-manager" : "team"))) {
                add(bundle, toFhir(episode), status);
            }
        }
        return bundle;
    }

    private static void add(Bundle bundle, EpisodeOfCare episode, String status) {
        if (status == null || episode.getStatus().toCode().equals(status)) {
            bundle.addEntry().setFullUrl("EpisodeOfCare/" + episode.getIdPart()).setResource(episode)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
            bundle.setTotal(bundle.getTotal() + 1);
        }
    }

    private static String idPart(String reference) {
        return reference.substring(reference.lastIndexOf('/') + 1);
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
