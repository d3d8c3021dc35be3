import Domain
import Foundation
import Store

/// A customer's audit trail as the server's triggers wrote it, and the one
/// change to a pause the file store allows.
extension PostgresCaseload {
    /// Every audited write to a customer's records, newest first; a plan save
    /// is one entry in the plan's own words. Supervisors and administrators
    /// (the server grants them the trail, no one else).
    public func audit(customer id: CustomerID, by user: Staff?) throws -> [AuditEntry] {
        try Permission.readAudit.check(by: user)
        let decoder = JSONDecoder()
        return try rows("""
            SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), login, entity, action, old::text, new::text,
                   coalesce(new -> 'body' ->> 'id', old -> 'body' ->> 'id', customer_id::text)
            FROM careerplan.audit WHERE customer_id = $1::bigint ORDER BY id
            """, [String(id.number)]).compactMap { r -> AuditEntry? in
            guard let at = r[0], let login = r[1], let entity = r[2], let action = r[3] else { return nil }
            if entity == "plan_version", let new = r[5],
               let row = try? JSONSerialization.jsonObject(with: Data(new.utf8)) as? [String: Any],
               let body = row["body"], let data = try? JSONSerialization.data(withJSONObject: body),
               let version = try? decoder.decode(PlanVersion.self, from: data) {
                var entry = AuditEntry(at: at, login: login, entity: "plan", key: "\(id.number):\(version.version)", action: action,
                                       changes: [])
                entry.summary = version.changes
                return entry
            }
            return AuditEntry(at: at, login: login, entity: entity, key: r[6], action: action,
                              changes: AuditEntry.changes(old: r[4], new: r[5]))
        }.reversed()
    }

    /// Ends a pause before its planned end; the earlier end is kept in the record.
    public func endPauseEarly(_ expected: Pause, to ended: Pause, by user: Staff?) throws -> Pause {
        try writeCase(.caseWork, customer: expected.customer, by: user) { _ in
            guard let p = try caseWork(expected.customer).pauses.first(where: { $0.id == expected.id }) else {
                throw StoreError.notFound("pause \(expected.id) of \(expected.customer)")
            }
            guard p.plannedEndOn == nil else { throw StoreError.invalid("this pause already ended early on \(p.endOn)") }
            guard p == expected else {
                throw StoreError.changedMeanwhile("this pause\(try lastChange(expected.customer).map { " (\($0))" } ?? "")")
            }
            try CaseloadStore.refuseRebinding(ended, of: expected, same: ended.id == p.id && ended.customer == p.customer
                                                 && ended.startOn == p.startOn && ended.plannedEndOn == p.endOn && ended.endOn < p.endOn)
            try replace("pause", id: p.id, customer: p.customer, body: try json(ended))
            return ended
        }
    }
}
