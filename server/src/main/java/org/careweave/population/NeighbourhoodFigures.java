package org.careweave.population;

import java.util.ArrayList;
import java.util.List;

import org.careweave.population.NeighbourhoodProfile.AgeBand;
import org.careweave.population.NeighbourhoodProfile.ConditionPrevalence;
import org.careweave.population.NeighbourhoodProfile.DecileResidents;
import org.careweave.population.NeighbourhoodProfile.PracticeResidents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Set-based SQL over the person index and record items. Population health is a read model over other features'
 * data: aggregates are computed where the data lives rather than by streaming every person through their APIs, and
 * nothing personal leaves this class.
 */
@Repository
class NeighbourhoodFigures {

    static final int BAND_YEARS = 5;
    static final int LAST_BAND = 17; // 85 and over

    private final JdbcClient jdbc;

    NeighbourhoodFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<AgeBand> ageBands() {
        long[][] counts = new long[LAST_BAND + 1][3];
        // width_bucket over birth-date thresholds is several times faster than age() per row. Bucket 0 holds
        // those born on or before the day they turned 85; bucket k the band LAST_BAND - k.
        jdbc.sql("""
                        select :last - width_bucket(birth_date, array(
                                   select (current_date - make_interval(years => y))::date + 1
                                     from generate_series(:last * :years, :years, -:years) y)) as band,
                               count(*) filter (where sex = 'female') as female,
                               count(*) filter (where sex = 'male') as male,
                               count(*) filter (where sex not in ('female', 'male')) as other
                          from person
                         where deceased_date is null
                         group by band""")
                .param("years", BAND_YEARS).param("last", LAST_BAND)
                .query(rs -> {
                    int band = rs.getInt("band");
                    counts[band][0] += rs.getLong("female");
                    counts[band][1] += rs.getLong("male");
                    counts[band][2] += rs.getLong("other");
                });
        List<AgeBand> bands = new ArrayList<>();
        for (int band = 0; band <= LAST_BAND; band++) {
            bands.add(new AgeBand(bandLabel(band), new Count(counts[band][0]), new Count(counts[band][1]),
                    new Count(counts[band][2])));
        }
        return bands;
    }

    static String bandLabel(int band) {
        int from = band * BAND_YEARS;
        return band == LAST_BAND ? from + " and over" : from + " to " + (from + BAND_YEARS - 1);
    }

    List<PracticeResidents> practices() {
        return jdbc.sql("""
                        select o.name, o.ods_code, count(*) as residents
                          from person p left join organisation o on o.id = p.registered_practice_id
                         where p.deceased_date is null
                         group by o.id, o.name, o.ods_code
                         order by o.name nulls last, o.ods_code""")
                .query((rs, n) -> new PracticeResidents(
                        rs.getString("name") == null ? "No registered practice" : rs.getString("name"),
                        rs.getString("ods_code"), new Count(rs.getLong("residents"))))
                .list();
    }

    List<ConditionPrevalence> conditions() {
        return jdbc.sql("""
                        select ri.code_system, ri.code, min(ri.display) as display,
                               count(distinct ri.person_id) as people
                          from record_item ri join person p on p.id = ri.person_id
                         where ri.category = 'problem' and ri.status = 'active' and ri.code is not null
                           and p.deceased_date is null
                         group by ri.code_system, ri.code
                         order by people desc, display, ri.code""")
                .query((rs, n) -> new ConditionPrevalence(rs.getString("code_system"), rs.getString("code"),
                        rs.getString("display") == null ? rs.getString("code") : rs.getString("display"),
                        new Count(rs.getLong("people"))))
                .list();
    }

    List<DecileResidents> deciles() {
        long[] counts = new long[11]; // index 0 holds "not known"
        jdbc.sql("select imd_decile, count(*) from person where deceased_date is null group by imd_decile")
                .query(rs -> {
                    int decile = rs.getInt(1);
                    counts[rs.wasNull() ? 0 : decile] += rs.getLong(2);
                });
        List<DecileResidents> deciles = new ArrayList<>();
        for (int decile = 1; decile <= 10; decile++) {
            deciles.add(new DecileResidents(decile, new Count(counts[decile])));
        }
        deciles.add(new DecileResidents(null, new Count(counts[0])));
        return deciles;
    }
}
