package org.careweave.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.careweave.shared.Role;
import org.careweave.support.CareWeaveTest;
import org.careweave.support.TestUsers;
import org.careweave.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@CareWeaveTest
class OrganisationControllerTests {

    @LocalServerPort
    int port;

    @Autowired
    Organisations organisations;

    @BeforeEach
    void users(@Autowired JdbcClient jdbc, @Autowired PasswordEncoder encoder) {
        TestUsers.ensure(jdbc, encoder);
    }

    @Test
    void directoryHasEveryOrganisationWithParentAndSitesOrderedByType() {
        var directory = organisations.directory();
        var practice = directory.stream().filter(o -> o.odsCode().equals("XT0GP1")).findFirst().orElseThrow();

        assertThat(practice.type()).isEqualTo(OrganisationType.GP_PRACTICE);
        assertThat(practice.parentName()).isEqualTo("Test Valley Primary Care Network");
        assertThat(practice.sites()).extracting(DirectoryEntry.Site::name).containsExactly("Millbrook Health Centre");
        assertThat(directory).extracting(DirectoryEntry::type).isSorted();
    }

    @Test
    void pageGroupsOrganisationsByType() {
        String page = WebSession.signedIn(port, TestUsers.username(Role.LINK_WORKER), TestUsers.PASSWORD)
                .get("/organisations").body();

        assertThat(page).contains("<h2>GP practices</h2>", "<h2>Voluntary, community and social enterprise organisations</h2>");
        int practices = page.indexOf("id=\"type-GP_PRACTICE\"");
        int councils = page.indexOf("id=\"type-LOCAL_AUTHORITY\"");
        assertThat(practices).isPositive().isLessThan(councils);
        assertThat(page.indexOf("id=\"org-XT0GP1\"")).isBetween(practices, councils);
        assertThat(page).contains("Millbrook Health Centre", "Test Valley Borough Council");
    }
}
