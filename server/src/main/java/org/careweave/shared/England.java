package org.careweave.shared;

import java.time.ZoneId;

/** Where CareWeave's services are: a date without a time (a day, a due date, a search's date) is a day in England. */
public final class England {

    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private England() {
    }
}
