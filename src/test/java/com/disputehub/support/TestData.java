package com.disputehub.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data of one account, removed so that a test starts from nothing: incidents and all that hangs on them. */
public final class TestData {

    private TestData() {
    }

    public static void wipe(JdbcClient jdbc, String account) {
        String incidents = "(select id from incident where account_id = ?)";
        jdbc.sql("delete from bulk_decision_item where incident_id in " + incidents).param(account).update();
        jdbc.sql("delete from incident_group_member where incident_id in " + incidents).param(account).update();
        for (String table : new String[] {"evidence_file", "decision", "timeline_event", "change_event", "incident_note",
                "incident_external_ref"}) {
            jdbc.sql("delete from " + table + " where incident_id in " + incidents).param(account).update();
        }
        jdbc.sql("delete from incident where account_id = ?").param(account).update();
        jdbc.sql("delete from channel_token where account_id = ?").param(account).update();
        jdbc.sql("delete from sync_state where account_id = ?").param(account).update();
        jdbc.sql("delete from quarantine where account_id = ?").param(account).update();
        jdbc.sql("delete from supplier_order where account_id = ?").param(account).update();
    }
}
