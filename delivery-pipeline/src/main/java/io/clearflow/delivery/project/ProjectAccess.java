package io.clearflow.delivery.project;

/**
 * Who may do what with projects ({@code @PreAuthorize} expressions). The demo organisation has no "department head"
 * role: the people who speak for a business department are its process owners, so IT managers and process owners
 * create projects (a process owner only for their own department, checked by the service). Everybody in IT delivery
 * and the business side (business staff, process owners) may open the project pages and API; which projects the
 * business side then sees is decided per project by {@link ProjectReaders} (role and department, 404 for the rest).
 * External participants and bots do not (403).
 */
final class ProjectAccess {

    static final String READ = "hasAnyRole('DEVELOPER', 'TESTER', 'QC', 'OPS', 'IT_MANAGER', 'COMPLIANCE', 'ADMIN', "
            + "'PROCESS_OWNER', 'BUSINESS')";
    static final String CREATE = "hasAnyRole('IT_MANAGER', 'PROCESS_OWNER', 'ADMIN')";
    /** Evaluation, commerce steps, version links, operation records, cancellation: the IT manager runs the project. */
    static final String MANAGE = "hasAnyRole('IT_MANAGER', 'ADMIN')";
    /** Architecture decision records: IT managers and QC (the architecture review's quality side). */
    static final String DECIDE = "hasAnyRole('IT_MANAGER', 'QC', 'ADMIN')";
    /** Completing or sending back a milestone: whoever the milestone's inbox is (the engine checks the candidates). */
    static final String MILESTONE = "hasAnyRole('IT_MANAGER', 'PROCESS_OWNER', 'QC', 'OPS', 'ADMIN')";
    /** The satisfaction survey: members of a requesting department (checked by the service). */
    static final String SURVEY = "hasAnyRole('BUSINESS', 'PROCESS_OWNER', 'IT_MANAGER', 'ADMIN')";

    private ProjectAccess() {
    }
}
