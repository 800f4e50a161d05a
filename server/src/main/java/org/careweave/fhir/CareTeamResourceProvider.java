package org.careweave.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.careweave.organisation.Teams;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/** Teams that span organisations (neighbourhood teams, MDTs) as FHIR CareTeam. */
@Component
class CareTeamResourceProvider implements IResourceProvider {

    private final Teams teams;
    private final RecordSearch records;

    CareTeamResourceProvider(Teams teams, RecordSearch records) {
        this.teams = teams;
        this.records = records;
    }

    @Override
    public Class<CareTeam> getResourceType() {
        return CareTeam.class;
    }

    /** Teams have plain ids; care teams partners sent about a person are record items, served as r&lt;n&gt;. */
    @Read
    public CareTeam read(@IdParam IdType id) {
        if (id.getIdPart().startsWith(RecordItemMapper.PREFIX)) {
            return (CareTeam) records.read("CareTeam", id);
        }
        return teams.find(FhirErrors.idOf(id.getIdPart(), "CareTeam")).map(DirectoryMapper::team)
                .orElseThrow(() -> new ResourceNotFoundException("CareTeam/" + id.getIdPart() + " does not exist"));
    }

    @Search
    public List<CareTeam> all() {
        return teams.all().stream().map(DirectoryMapper::team).toList();
    }
}
