import Domain
import Foundation
import Store

/// The automatic exit on PostgreSQL (003): everyone without a service for
/// 90 days and no reason to stay, exited back-dated to their last day of
/// service. The opener of the day runs it over their reach (the server
/// shows them no more); `careerplan exits` from an administrator's cron runs
/// it over everyone.
extension PostgresCaseload {
    @discardableResult
    public func applyAutomaticExits(today: Day, matrix: ServicesMatrix, by user: Staff?,
                                    dryRun: Bool = false) throws -> [(customer: CustomerID, exitOn: Day)] {
        try Permission.runExits.check(by: user)
        return try automaticExits(today: today, matrix: matrix, record: !dryRun)
    }

    /// At start-up, by each member's first opening on a day (later ones
    /// skip it, as they do once an administrator or the DBA has run it over
    /// everyone that day): the check reads every idle case in reach. The
    /// matrix is read only when the check runs.
    @discardableResult
    public func applyAutomaticExits(today: Day, matrix: @autoclosure () throws -> ServicesMatrix) throws -> [CustomerID] {
        let ran = try rows("""
            SELECT EXISTS (
                SELECT 1 FROM careerplan.exit_check e LEFT JOIN pg_roles r ON r.rolname = e.login
                WHERE e.on_day = $1::date
                  AND (e.login = session_user::text OR r.rolsuper OR careerplan.my_role(r.rolname) = 'administrator'))::text
            """, [today.description]).first?.first ?? nil
        guard ran != "true" else { return [] }
        return try automaticExits(today: today, matrix: try matrix(), record: true).map(\.customer)
    }

    private func automaticExits(today: Day, matrix: ServicesMatrix, record: Bool) throws -> [(customer: CustomerID, exitOn: Day)] {
        let cutoff = today.adding(days: -90).description
        // One index range (customer_open_by_last_service): the last day of service, or of enrolment when none.
        let ids = try rows("""
            SELECT c.id::text FROM careerplan.customer c
            WHERE NOT body ? 'exitedOn' AND coalesce(body ->> 'lastServiceOn', body ->> 'enrolledOn') < $1
              AND (body ->> 'enrolledOn') < $1
            ORDER BY c.sort_name COLLATE "C", c.id
            """, [cutoff]).compactMap { $0.first ?? nil }.compactMap { Int64($0) }.map(CustomerID.init)
        // Only what the rule reads: the customer, the current plan (the last version's), pauses and other
        // programs' services (every plan version and the whole case file were most of the check's time).
        let due = try inBatches(ids) { batch -> [(customer: CustomerID, exitOn: Day)] in
            let plans = try records(CareerPlan.self, "plan_version", of: batch, order: "(body ->> 'version')::int DESC",
                                    body: "body -> 'plan'", firstOnly: true)
            let pauses = try records(Pause.self, "pause", of: batch)
            let elsewhere = try records(OtherProgramService.self, "other_program_service", of: batch)
            return try customers(batch).compactMap { c in
                AutoExit.exitDate(for: c, plan: plans[c.id]?.first, pauses: pauses[c.id] ?? [], elsewhere: elsewhere[c.id] ?? [],
                                  on: today, matrix: matrix).map { (c.id, $0) }
            }
        }
        guard record else { return due }
        try write(touching: due.map(\.customer)) {
            try rows("""
                INSERT INTO careerplan.exit_check (login, on_day) VALUES (session_user, $1::date)
                ON CONFLICT (login) DO UPDATE SET on_day = excluded.on_day
                """, [today.description])
            // The windows that closed since in every area, in this session's reach (v18-closed-due).
            try rows(PostgresSchema.dropClosedDue)
            for (id, date) in due {
                guard var c = try customer(id), c.exitedOn == nil else { continue }
                let exit = ExitRecord(customer: id, exitOn: date, kind: .automatic, recordedBy: "careerplan", recordedOn: today)
                try upsert("exit_record", customer: id, body: try json(exit))
                c.exitedOn = date
                c.version += 1
                try store(c)
            }
        }
        return due
    }
}

extension PostgresCaseload {
    /// The whole database as careerplan's export (administrators): the same JSON a data file's export gives.
    public func exportJSON(by user: Staff?) throws -> Data {
        try Permission.exportData.check(by: user)
        lock.lock()
        defer { lock.unlock() }
        // Through the export's own type and encoder, so the bytes are the file store's.
        let export = try JSONDecoder().decode(DataExport.self, from: try Transfer.read(link, version: DataExport.currentVersion))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(export) + Data("\n".utf8)
    }
}
