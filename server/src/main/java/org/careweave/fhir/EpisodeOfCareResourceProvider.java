package org.careweave.fhir;

import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.careweave.record.RecordQuery;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.EpisodeOfCare;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
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

    private static final String TEAM = "team";

    /** What a search by care manager or team takes besides HAPI's formatting parameters. */
    private static final Set<String> BY_HOLDER = Set.of(EpisodeOfCare.SP_CARE_MANAGER, TEAM, EpisodeOfCare.SP_STATUS);

    /** EpisodeOfCare's status codes (R4's required value set), in its order. */
    private static final List<String> STATUSES = Arrays.stream(EpisodeOfCare.EpisodeOfCareStatus.values())
            .filter(status -> status != EpisodeOfCare.EpisodeOfCareStatus.NULL)
            .map(EpisodeOfCare.EpisodeOfCareStatus::toCode).toList();

    private final FhirContext fhir;
    private final Set<String> recordParameters;
    private final RecordItemResourceProvider items;
    private final Caseloads caseloads;
    private final Teams teams;
    private final AccessPolicy policy;
    private final Callers callers;

    EpisodeOfCareResourceProvider(FhirContext fhir, RecordSearch search, Callers callers, Caseloads caseloads,
                                  Teams teams, AccessPolicy policy) {
        this.fhir = fhir;
        this.recordParameters = RecordItemResourceProvider.searchParameters(fhir, "EpisodeOfCare");
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
     * audited once there) followed, after the last item, by the person's caseload episodes that match the same
     * filters (status, date; none has an identifier), paged with them; they say who the person is
     * (reason, care manager, team) and so are shown only to callers the policy lets know that, as a read by id.
     * By care manager or team: their open caseload episodes, each person decided by the policy; status is the only
     * other parameter these take, as they are answered in one page.
     */
    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        Map<String, String[]> parameters = request.getParameters();
        Set<String> statuses = statuses(parameters);
        String careManager = SearchParameters.single(parameters, EpisodeOfCare.SP_CARE_MANAGER);
        String team = SearchParameters.single(parameters, TEAM);
        if (careManager == null && team == null) {
            return byPatient(request, statuses);
        }
        if (careManager != null && team != null) {
            throw new InvalidRequestException("Search EpisodeOfCare by care-manager or by team, not both");
        }
        for (String name : parameters.keySet()) {
            if (!BY_HOLDER.contains(name) && !SearchParameters.FORMAT.contains(name)) {
                throw new InvalidRequestException("EpisodeOfCare searched by care-manager or team takes only status "
                        + "(their open episodes, in one page); '" + name + "' is not supported with it");
            }
        }
        List<CaseloadEpisode> episodes = careManager != null
                ? caseloads.activeForCareManager(SearchParameters.reference(EpisodeOfCare.SP_CARE_MANAGER,
                        careManager, "Practitioner"))
                : caseloads.activeForTeam(SearchParameters.reference(TEAM, team, "CareTeam"));
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        AccessIntent intent = AccessIntent.search("EpisodeOfCare", careManager != null ? "care-manager" : TEAM);
        Bundle bundle = SearchBundles.searchset(request);
        bundle.setTotal(0);
        for (CaseloadEpisode episode : episodes) {
            if (matches(episode, statuses) && policy.checkDemographics(who, episode.personId(), intent)) {
                add(bundle, request, episode);
            }
        }
        return bundle;
    }

    private Bundle byPatient(RequestDetails request, Set<String> statuses) {
        Map<String, String[]> parameters = request.getParameters();
        Integer caseloadFrom = caseloadFrom(parameters);
        Bundle bundle = caseloadFrom == null ? items.search(request) : SearchBundles.searchset(request);
        Map<String, String[]> withoutCaseloadPaging = new HashMap<>(parameters);
        withoutCaseloadPaging.remove(SearchParameters.CASELOAD_FROM);
        RecordQuery filters = SearchParameters.recordQuery(fhir, "EpisodeOfCare", recordParameters,
                withoutCaseloadPaging);
        List<CaseloadEpisode> episodes = caseloads.historyOf(filters.personId()).stream()
                .filter(episode -> matches(episode, statuses) && matches(episode, filters)).toList();
        if (episodes.isEmpty()) {
            return bundle;
        }
        boolean firstPage = caseloadFrom == null && !parameters.containsKey(SearchParameters.CURSOR);
        AccessIntent intent = AccessIntent.search("EpisodeOfCare", statuses.isEmpty() ? "patient,caseload"
                : "patient,status,caseload");
        if (!policy.checkDemographics(callers.current(Purpose.DIRECT_CARE), filters.personId(), intent)) {
            if (firstPage) {
                OperationOutcome outcome = new OperationOutcome();
                outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                        .setCode(OperationOutcome.IssueType.SUPPRESSED)
                        .setDiagnostics(episodes.size() + " caseload or virtual ward episode(s) withheld: "
                                + RecordSearch.withoutDemographics());
                SearchBundles.addOutcome(bundle, outcome);
            }
            return bundle;
        }
        if (bundle.hasTotal()) {
            bundle.setTotal(bundle.getTotal() + episodes.size());
        }
        if (SearchParameters.summaryCount(parameters) || bundle.getLink(Bundle.LINK_NEXT) != null) {
            return bundle;
        }
        // After the last page of items, the caseload episodes fill the room left on the page, then pages of their own.
        int from = caseloadFrom == null ? 0 : Math.min(caseloadFrom, episodes.size());
        int room = filters.count() - (int) bundle.getEntry().stream()
                .filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH).count();
        int to = Math.min(episodes.size(), from + room);
        episodes.subList(from, to).forEach(episode ->
                SearchBundles.add(bundle, request, toFhir(episode), Bundle.SearchEntryMode.MATCH));
        if (to < episodes.size()) {
            SearchBundles.addNext(bundle, request, SearchParameters.CASELOAD_FROM, Integer.toString(to));
        }
        return bundle;
    }

    /** Where a page of caseload episodes starts, or null on pages that start with items. */
    private static Integer caseloadFrom(Map<String, String[]> parameters) {
        String value = SearchParameters.single(parameters, SearchParameters.CASELOAD_FROM);
        if (value == null) {
            return null;
        }
        if (parameters.containsKey(SearchParameters.CURSOR) || !value.matches("\\d{1,6}")) {
            throw new InvalidRequestException(SearchParameters.CASELOAD_FROM + " is the paging position of a next "
                    + "link, a whole number, and is not combined with " + SearchParameters.CURSOR + "; follow the "
                    + "links as the server gives them");
        }
        return Integer.valueOf(value);
    }

    /** The status parameter's codes (any of them), each one of EpisodeOfCare's; empty for any status. */
    private static Set<String> statuses(Map<String, String[]> parameters) {
        String value = SearchParameters.single(parameters, EpisodeOfCare.SP_STATUS);
        if (value == null) {
            return Set.of();
        }
        Set<String> statuses = new HashSet<>();
        for (String code : value.split(",", -1)) {
            if (!STATUSES.contains(code.strip())) {
                throw new InvalidRequestException("status '" + code + "' is not an EpisodeOfCare status; use "
                        + String.join(", ", STATUSES) + " (several separated by commas for any of them)");
            }
            statuses.add(code.strip());
        }
        return statuses;
    }

    private static boolean matches(CaseloadEpisode episode, Set<String> statuses) {
        return statuses.isEmpty() || statuses.contains(statusOf(episode).toCode());
    }

    /**
     * The record search's filters EpisodeOfCare takes, as they apply to a caseload episode: it has no identifier and
     * its date is when it started, as a record item's is its clinical date.
     */
    private static boolean matches(CaseloadEpisode episode, RecordQuery filters) {
        if (!filters.identifiers().isEmpty() || filters.updatedFrom() != null || filters.updatedTo() != null) {
            return false;
        }
        return (filters.dateFrom() == null || !episode.startedAt().isBefore(filters.dateFrom()))
                && (filters.dateTo() == null || episode.startedAt().isBefore(filters.dateTo()));
    }

    private static EpisodeOfCare.EpisodeOfCareStatus statusOf(CaseloadEpisode episode) {
        return episode.active() ? EpisodeOfCare.EpisodeOfCareStatus.ACTIVE
                : EpisodeOfCare.EpisodeOfCareStatus.FINISHED;
    }

    private void add(Bundle bundle, RequestDetails request, CaseloadEpisode episode) {
        SearchBundles.add(bundle, request, toFhir(episode), Bundle.SearchEntryMode.MATCH);
        bundle.setTotal(bundle.getTotal() + 1);
    }

    EpisodeOfCare toFhir(CaseloadEpisode episode) {
        EpisodeOfCare resource = new EpisodeOfCare();
        resource.setId(CASELOAD_PREFIX + episode.id());
        resource.setStatus(statusOf(episode));
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
