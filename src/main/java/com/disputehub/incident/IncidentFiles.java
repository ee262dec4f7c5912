package com.disputehub.incident;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.disputehub.database.Hashes;
import com.disputehub.database.Sql;

/** Files kept with incidents; callers provide the transaction. */
@Component
public class IncidentFiles {

    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentFiles(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public long add(UUID incidentId, UUID decisionId, String fileName, String contentType, byte[] content) {
        return jdbc.sql("""
                insert into evidence_file (incident_id, decision_id, file_name, content_type, size_bytes, sha256, content, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) returning id
                """)
                .params(incidentId, decisionId, fileName, contentType, content.length, Hashes.sha256Hex(content), content,
                        Sql.ts(clock.instant()))
                .query(Long.class).single();
    }

    /** The incident's files, described: their bytes stay in the table until one is opened ({@link #content}). */
    public List<IncidentFile> of(UUID incidentId) {
        return jdbc.sql("""
                select id, decision_id, file_name, content_type, size_bytes, sha256, created_at from evidence_file
                where incident_id = ? order by id
                """).param(incidentId)
                .query((rs, n) -> new IncidentFile(rs.getLong("id"), incidentId, rs.getObject("decision_id", UUID.class),
                        rs.getString("file_name"), rs.getString("content_type"), rs.getInt("size_bytes"),
                        rs.getString("sha256"), IncidentRowMapper.instant(rs, "created_at")))
                .list();
    }

    /** The files of one decision, in the order they were given: name and bytes. */
    public List<Content> ofDecision(UUID decisionId) {
        return jdbc.sql("select file_name, content from evidence_file where decision_id = ? order by id").param(decisionId)
                .query((rs, n) -> new Content(rs.getString("file_name"), rs.getBytes("content"))).list();
    }

    /** A file's name and bytes. */
    public record Content(String fileName, byte[] bytes) {
    }

    public Optional<byte[]> content(UUID incidentId, long fileId) {
        return jdbc.sql("select content from evidence_file where incident_id = ? and id = ?").params(incidentId, fileId)
                .query((rs, n) -> rs.getBytes("content")).optional();
    }
}
