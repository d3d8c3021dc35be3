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

    /// Checks the whole trail on the server: every row follows from the one
    /// before; with `anchor` (a head kept from earlier), that row is still
    /// there as it was, so rows cut off the end are found too.
    public func verifyAudit(anchor: (id: Int64, hash: String)?, by user: Staff?) throws -> AuditVerification {
        try Permission.readAudit.check(by: user)
        let counted = try rows("SELECT count(*)::text FROM careerplan.audit").first?.first ?? nil
        let count = counted.flatMap { Int($0) } ?? 0
        let last = try rows("SELECT id::text, hash FROM careerplan.audit ORDER BY id DESC LIMIT 1").first
        let head = last.flatMap { r in r[0].flatMap(Int64.init).flatMap { id in r[1].map { (id, $0) } } }
        if let broken = try rows("SELECT careerplan.audit_first_broken()::text").first?.first ?? nil {
            return AuditVerification(rows: count, head: head, problem: "row #\(broken) does not follow from the row before it")
        }
        if let anchor {
            let kept = try rows("SELECT hash FROM careerplan.audit WHERE id = $1::bigint", [String(anchor.id)]).first?.first ?? nil
            if kept != anchor.hash {
                return AuditVerification(rows: count, head: head,
                                         problem: "the anchor row #\(anchor.id) is \(kept == nil ? "gone" : "not the one kept")")
            }
        }
        return AuditVerification(rows: count, head: head, problem: nil)
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
