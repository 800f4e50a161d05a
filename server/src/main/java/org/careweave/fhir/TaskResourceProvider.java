package org.careweave.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
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
import org.careweave.worklist.FollowUpTask;
import org.careweave.worklist.FollowUpTasks;
import org.careweave.worklist.TaskQuery;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.springframework.stereotype.Component;

/**
 * Follow-up tasks as FHIR R4 Task: read, and search by patient, owner ({@code CareTeam/{id}} for a team's tasks,
 * {@code Practitioner/{id}} for those assigned to or owned by a member of staff) and status. Tasks about people the
 * caller may not see are counted in an OperationOutcome entry rather than silently left out.
 */
@Component
class TaskResourceProvider implements IResourceProvider {

    static final String KIND_SYSTEM = "https://careweave.org/fhir/CodeSystem/task-kind";
    static final String ASSIGNEE_EXTENSION = "https://careweave.org/fhir/StructureDefinition/task-assignee";
    private static final int LIMIT = 500;

    private final FollowUpTasks tasks;
    private final AccessPolicy policy;
    private final Callers callers;

    TaskResourceProvider(FollowUpTasks tasks, AccessPolicy policy, Callers callers) {
        this.tasks = tasks;
        this.policy = policy;
        this.callers = callers;
    }

    @Override
    public Class<Task> getResourceType() {
        return Task.class;
    }

    @Read
    public Task read(@IdParam IdType id) {
        long taskId = FhirErrors.idOf(id.getIdPart(), "Task");
        FollowUpTask task = tasks.find(taskId)
                .orElseThrow(() -> new ResourceNotFoundException("Task/" + id.getIdPart() + " does not exist"));
        return FhirErrors.translated(() -> {
            policy.requireDemographics(callers.current(Purpose.DIRECT_CARE), task.personId(), AccessIntent.read("Task", taskId));
            return toFhir(task);
        });
    }

    @Search
    public List<IBaseResource> search(@OptionalParam(name = Task.SP_PATIENT) ReferenceParam patient,
                                      @OptionalParam(name = Task.SP_OWNER) ReferenceParam owner,
                                      @OptionalParam(name = Task.SP_STATUS) TokenParam status) {
        if (patient == null && owner == null) {
            throw new InvalidRequestException("Search Task by patient (Patient/{id}) or owner (CareTeam/{id} or "
                    + "Practitioner/{id}), optionally with status");
        }
        TaskQuery query = new TaskQuery(patient == null ? null : FhirErrors.idOf(patient.getIdPart(), "Patient"),
                ownerOf(owner, "CareTeam"), ownerOf(owner, "Practitioner"), status == null ? Set.of() : Set.of(statusOf(status)));
        AccessContext who = callers.current(Purpose.DIRECT_CARE);
        AccessIntent intent = AccessIntent.search("Task", (patient == null ? "" : "patient,") + (owner == null ? "" : "owner,")
                + (status == null ? "" : "status"));
        List<IBaseResource> found = new ArrayList<>();
        int withheld = 0;
        for (FollowUpTask task : tasks.search(query, LIMIT)) {
            if (policy.checkDemographics(who, task.personId(), intent)) {
                found.add(toFhir(task));
            } else {
                withheld++;
            }
        }
        if (withheld > 0) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.SUPPRESSED)
                    .setDiagnostics(withheld + " task(s) withheld: your organisation has no care relationship with the person");
            ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(outcome, BundleEntrySearchModeEnum.OUTCOME);
            found.add(outcome);
        }
        return found;
    }

    private static Long ownerOf(ReferenceParam owner, String type) {
        if (owner == null) {
            return null;
        }
        String ownerType = owner.getResourceType();
        if (!"CareTeam".equals(ownerType) && !"Practitioner".equals(ownerType)) {
            throw new InvalidRequestException("Task owner must be CareTeam/{id} or Practitioner/{id}, not '"
                    + owner.getValue() + "'");
        }
        return type.equals(ownerType) ? FhirErrors.idOf(owner.getIdPart(), type) : null;
    }

    private static FollowUpTask.Status statusOf(TokenParam status) {
        return switch (status.getValue()) {
            case "ready" -> FollowUpTask.Status.OPEN;
            case "in-progress" -> FollowUpTask.Status.IN_PROGRESS;
            case "completed" -> FollowUpTask.Status.COMPLETED;
            case "cancelled" -> FollowUpTask.Status.CANCELLED;
            default -> throw new InvalidRequestException("Task status '" + status.getValue()
                    + "' is not used here; search for ready, in-progress, completed or cancelled");
        };
    }

    static Task toFhir(FollowUpTask task) {
        Task fhir = new Task();
        fhir.setId(Long.toString(task.id()));
        fhir.setStatus(switch (task.status()) {
            case OPEN -> Task.TaskStatus.READY;
            case IN_PROGRESS -> Task.TaskStatus.INPROGRESS;
            case COMPLETED -> Task.TaskStatus.COMPLETED;
            case CANCELLED -> Task.TaskStatus.CANCELLED;
        });
        fhir.setIntent(Task.TaskIntent.ORDER);
        fhir.setPriority(Task.TaskPriority.ROUTINE);
        fhir.setCode(new CodeableConcept(new Coding(KIND_SYSTEM, "discharge-follow-up", "Follow up after hospital discharge")));
        fhir.setFor(new Reference("Patient/" + task.personId()));
        fhir.setFocus(new Reference("Encounter/" + task.encounterItemId()));
        fhir.setOwner(task.teamId() != null ? new Reference("CareTeam/" + task.teamId())
                : new Reference("Practitioner/" + task.ownerUserId()));
        if (task.assigneeId() != null) {
            fhir.addExtension(ASSIGNEE_EXTENSION, new Reference("Practitioner/" + task.assigneeId()));
        }
        fhir.setAuthoredOn(Date.from(task.createdAt()));
        fhir.setLastModified(Date.from(task.updatedAt()));
        fhir.getRestriction().setPeriod(new Period().setEndElement(new org.hl7.fhir.r4.model.DateTimeType(task.dueOn().toString())));
        if (task.cancelReason() != null) {
            fhir.setStatusReason(new CodeableConcept().setText(task.cancelReason()));
        }
        if (task.outcome() != null) {
            fhir.addNote(new Annotation().setText(task.outcome()));
        }
        return fhir;
    }
}
