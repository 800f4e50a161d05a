package org.careweave.organisation;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Teams and who is in them. */
@Service
@Transactional
public class Teams {

    private static final String SELECT = """
            select t.id, t.name, t.kind, t.lead_organisation_id,
                   array(select m.user_id from team_member m where m.team_id = t.id order by m.user_id) as members
              from team t""";

    private final JdbcClient jdbc;
    private final Organisations organisations;

    Teams(JdbcClient jdbc, Organisations organisations) {
        this.jdbc = jdbc;
        this.organisations = organisations;
    }

    public long create(String name, Team.Kind kind, long leadOrganisationId) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A team needs a name");
        }
        if (organisations.find(leadOrganisationId).isEmpty()) {
            throw new IllegalArgumentException("No organisation with id " + leadOrganisationId + " to lead the team");
        }
        if (jdbc.sql("select count(*) from team where name = :name").param("name", name.strip())
                .query(Long.class).single() > 0) {
            throw new IllegalArgumentException("A team called '" + name.strip() + "' already exists");
        }
        return jdbc.sql("insert into team (name, kind, lead_organisation_id) values (:name, :kind, :org) returning id")
                .param("name", name.strip()).param("kind", kind.name()).param("org", leadOrganisationId)
                .query(Long.class).single();
    }

    public void addMember(long teamId, long userId) {
        requireTeam(teamId);
        int added = jdbc.sql("""
                        insert into team_member (team_id, user_id)
                        select :team, id from staff_user where id = :user
                        on conflict do nothing""")
                .param("team", teamId).param("user", userId).update();
        if (added == 0 && jdbc.sql("select count(*) from staff_user where id = :user").param("user", userId)
                .query(Long.class).single() == 0) {
            throw new IllegalArgumentException("No member of staff with id " + userId);
        }
    }

    public void removeMember(long teamId, long userId) {
        requireTeam(teamId);
        jdbc.sql("delete from team_member where team_id = :team and user_id = :user")
                .param("team", teamId).param("user", userId).update();
    }

    @Transactional(readOnly = true)
    public List<Team> all() {
        return jdbc.sql(SELECT + " order by t.name").query(Teams::team).list();
    }

    @Transactional(readOnly = true)
    public Optional<Team> find(long id) {
        return jdbc.sql(SELECT + " where t.id = :id").param("id", id).query(Teams::team).optional();
    }

    private void requireTeam(long teamId) {
        if (find(teamId).isEmpty()) {
            throw new IllegalArgumentException("No team with id " + teamId);
        }
    }

    private static Team team(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Array members = rs.getArray("members");
        return new Team(rs.getLong("id"), rs.getString("name"), Team.Kind.valueOf(rs.getString("kind")),
                rs.getLong("lead_organisation_id"), Arrays.stream((Long[]) members.getArray()).toList());
    }
}
