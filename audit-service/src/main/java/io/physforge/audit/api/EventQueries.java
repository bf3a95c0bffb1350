package io.physforge.audit.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.physforge.audit.chain.CanonicalJson;
import io.physforge.audit.chain.Hex;
import io.physforge.platform.web.Paging;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Read queries of the event log for the API (the indexed columns: actor, action,
 * resource, time), newest first.
 */
@Component
class EventQueries {

	private static final String COLUMNS = "seq, event_id, occurred_at, recorded_at, service, actor, actor_roles, "
			+ "action, resource_type, resource_id, outcome, event, leaf_hash, prev_hash, hash";

	private static final RowMapper<EventView> VIEW = EventQueries::view;

	private final NamedParameterJdbcTemplate jdbc;

	EventQueries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Page<EventView> page(EventFilter filter, Paging paging) {
		List<String> where = new ArrayList<>();
		MapSqlParameterSource params = new MapSqlParameterSource();
		condition(where, params, "actor", "actor = :actor", filter.actor());
		condition(where, params, "action", "action = :action", filter.action());
		condition(where, params, "resourceType", "resource_type = :resourceType", filter.resourceType());
		condition(where, params, "resourceId", "resource_id = :resourceId", filter.resourceId());
		condition(where, params, "from", "occurred_at >= :from",
				(filter.from() != null) ? Timestamp.from(filter.from()) : null);
		condition(where, params, "to", "occurred_at < :to", (filter.to() != null) ? Timestamp.from(filter.to()) : null);
		String clause = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		Long total = this.jdbc.queryForObject("SELECT count(*) FROM event_log" + clause, params, Long.class);
		params.addValue("limit", paging.size()).addValue("offset", paging.offset());
		List<EventView> items = this.jdbc.query(
				"SELECT " + COLUMNS + " FROM event_log" + clause + " ORDER BY seq DESC LIMIT :limit OFFSET :offset",
				params, VIEW);
		return Page.of(items, paging, (total != null) ? total : 0);
	}

	Optional<EventView> find(long seq) {
		return this.jdbc
			.query("SELECT " + COLUMNS + " FROM event_log WHERE seq = :seq", new MapSqlParameterSource("seq", seq),
					VIEW)
			.stream()
			.findFirst();
	}

	private static void condition(List<String> where, MapSqlParameterSource params, String name, String sql,
			Object value) {
		if (value != null && !"".equals(value)) {
			where.add(sql);
			params.addValue(name, value);
		}
	}

	private static EventView view(ResultSet rs, int row) throws SQLException {
		Timestamp recorded = rs.getTimestamp(4);
		return new EventView(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
				(recorded != null) ? recorded.toInstant() : null, rs.getString(5), rs.getString(6),
				Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getString(8), rs.getString(9), rs.getString(10),
				rs.getString(11), CanonicalJson.parse(rs.getString(12)), Hex.of(rs.getBytes(13)),
				Hex.of(rs.getBytes(14)), Hex.of(rs.getBytes(15)));
	}

}
