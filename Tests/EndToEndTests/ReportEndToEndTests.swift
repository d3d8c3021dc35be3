import Foundation
import Testing

/// `careerplan report deadlines` on a small fixed data file: the three
/// formats against golden files, and its exit statuses.
@Suite final class ReportEndToEndTests {
    let work: Workspace
    var binary: String { work.binary }
    var dir: String { work.dir }
    var db: String { dir + "/fixed.sqlite" }

    init() throws {
        work = try Workspace("careerplan-report")
        try TmuxSession.run(binary, ["seed", "--db", db, "--customers", "24", "--today", "2026-11-23"])
    }

    /// Compares with Tests/EndToEndTests/Golden/NAME; CAREERPLAN_UPDATE_GOLDEN=1 rewrites it.
    func expectGolden(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/" + name)
        if ProcessInfo.processInfo.environment["CAREERPLAN_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "report differs from \(name)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["text", "json", "csv"])
    func theReportMatchesItsGoldenFile(format: String) throws {
        let (out, status) = try TmuxSession.runWithStatus(binary, ["report", "deadlines", "--db", db, "--as-of", "2026-11-23",
                                                                  "--format", format])
        #expect(status == 0)
        try expectGolden("report-deadlines." + (format == "text" ? "txt" : format), out)
    }

    /// A save's day is the area's calendar day: the same stored moment is the
    /// 25th in Chicago and Honolulu in the evening, the 26th in UTC; the real
    /// program, its Store and the report each count it so under `TZ`.
    @Test(arguments: [("2026-11-26T03:30:00Z", "America/Chicago", "2027-02-23"),   // 21:30 on the 25th
                      ("2026-11-26T03:30:00Z", "UTC", "2027-02-24"),
                      ("2026-11-26T09:30:00Z", "Pacific/Honolulu", "2027-02-23"),  // 23:30 on the 25th
                      ("2026-11-26T16:30:00Z", "Pacific/Honolulu", "2027-02-24")]) // 06:30 on the 26th
    func aPlanSavedInTheEveningIsReviewedNinetyAreaDaysLater(savedAt: String, zone: String, due: String) throws {
        var json = try JSONSerialization.jsonObject(with: Data(try TmuxSession.run(binary, ["export", "--db", db]).utf8)) as! [String: Any]
        var versions = json["planVersions"] as! [[String: Any]]
        let latest = try #require(versions.indices.filter { versions[$0]["customer"] as? String == "C000004" }.last)
        versions[latest]["savedAt"] = savedAt
        json["planVersions"] = versions
        let file = dir + "/zoned-\(UUID().uuidString).json"
        try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
        let zoned = dir + "/zoned-\(UUID().uuidString).sqlite"
        try TmuxSession.run(binary, ["init", "--db", zoned])
        let (imported, status) = try TmuxSession.runWithStatus(binary, ["import", file, "--db", zoned])
        try #require(status == 0, "\(imported)")
        let out = try TmuxSession.run("/usr/bin/env", ["TZ=" + zone, binary, "report", "deadlines", "--db", zoned,
                                                       "--as-of", "2026-11-27", "--format", "json"])
        let items = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: Any]]
        let review = items.first { $0["customer_id"] as? String == "C000004" && $0["rule"] as? String == "review-90" }
        #expect(review?["due_date"] as? String == due, "\(zone): \(out.prefix(300))")
    }

    /// Today is the area's day under TZ, as Foundation's calendar counts it in that zone: at any moment
    /// Kiritimati (UTC+14) and Etc/GMT+12 (UTC-12) are on different days, and at least one is not UTC's.
    @Test(arguments: ["Pacific/Kiritimati", "Etc/GMT+12", "America/Chicago", ":Asia/Kolkata"])
    func todayIsTheAreasDay(zone: String) throws {
        func foundationsDay() -> String {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone.hasPrefix(":") ? String(zone.dropFirst()) : zone)!
            let p = calendar.dateComponents([.year, .month, .day], from: Date())
            return String(format: "%04d-%02d-%02d", p.year!, p.month!, p.day!)
        }
        let before = foundationsDay()
        let out = try TmuxSession.run("/usr/bin/env", ["TZ=" + zone, binary, "report", "deadlines", "--db", db])
        let after = foundationsDay()
        let day = out.components(separatedBy: "Deadlines as of ").dropFirst().first.map { String($0.prefix(10)) }
        #expect(day == before || day == after, "\(zone): \(out.prefix(80))")
    }

    @Test func versionNamesTheReleaseAndTheFormats() throws {
        let (out, status) = try TmuxSession.runWithStatus(binary, ["--version"])
        #expect(status == 0)
        #expect(out.hasPrefix("careerplan ") && out.contains("export format ") && out.contains("data file v")
                && out.contains("SQLite 3."), "\(out)")
    }

    @Test(arguments: ["text", "json", "csv"])
    func theQualityReportMatchesItsGoldenFile(format: String) throws {
        let (out, status) = try TmuxSession.runWithStatus(binary, ["report", "quality", "--db", db, "--as-of", "2026-11-23",
                                                                  "--format", format])
        #expect(status == 0)
        try expectGolden("report-quality." + (format == "text" ? "txt" : format), out)
    }

    /// The indicators as the center recorded them, for the year to 30 June
    /// 2026, on the fixed seed file: every format matches its golden file.
    @Test(arguments: ["text", "json", "csv"])
    func thePerformanceReportMatchesItsGoldenFile(format: String) throws {
        let (out, status) = try TmuxSession.runWithStatus(binary, ["report", "performance", "--db", db, "--from", "2025-07-01",
                                                                  "--to", "2026-06-30", "--as-of", "2026-11-23", "--format", format])
        #expect(status == 0)
        try expectGolden("report-performance." + (format == "text" ? "txt" : format), out)
    }

    /// The participant extract on the fixed seed file matches its golden
    /// file, and its columns are docs/pirl.md's table, element by element.
    @Test func theParticipantExtractIsDocumentedColumnByColumn() throws {
        let (out, status) = try TmuxSession.runWithStatus(binary, ["report", "pirl", "--db", db, "--from", "2025-07-01",
                                                                  "--to", "2026-06-30", "--as-of", "2026-11-23"])
        #expect(status == 0)
        try expectGolden("report-pirl.csv", out)
        let header = Self.csvFields(String(try #require(out.split(separator: "\n").first)))
        let doc = try String(contentsOf: TmuxSession.repo.appendingPathComponent("docs/pirl.md"), encoding: .utf8)
        let documented = doc.split(separator: "\n").compactMap { line -> String? in
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 3, Int(cells[0]) != nil else { return nil }
            return cells[0] + " " + cells[1]
        }
        #expect(header == documented)
        // Element 100 is careerplan's ID, never an SSN.
        for row in out.split(separator: "\n").dropFirst() { #expect(row.hasPrefix("C0000")) }
    }

    /// The fields of one CSV line: commas inside quotes, and doubled quotes, are the field's own.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = [], field = "", quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            switch (c, quoted) {
            case ("\"", false) where field.isEmpty: quoted = true
            case ("\"", true): quoted = false
            case (",", false): fields.append(field); field = ""
            default: field.append(c)
            }
        }
        return fields + [field]
    }

    @Test func thePerformanceReportRefusesABackwardPeriodAndAnUnknownPlanner() throws {
        let (backward, status) = try TmuxSession.runWithStatus(binary, ["report", "performance", "--db", db, "--from", "2026-07-01",
                                                                       "--to", "2026-06-30"])
        #expect(status == 64 && backward.contains("--to (2026-06-30) is before --from (2026-07-01)"))
        let (who, whoStatus) = try TmuxSession.runWithStatus(binary, ["report", "performance", "--db", db, "--from", "2026-01-01",
                                                                     "--to", "2026-06-30", "--planner", "nobody"])
        #expect(whoStatus == 2 && who.contains("no staff member with login \"nobody\""))
    }

    @Test func theCustomersCopyFromTheCommandLine() throws {
        let (out, status) = try TmuxSession.runWithStatus(binary, ["plan", "C000016", "--db", db, "--format", "md"])
        #expect(status == 0 && out.hasPrefix("# Your Career Plan") && out.contains("Individual Service Strategy (ISS)"))
        let (missing, missingStatus) = try TmuxSession.runWithStatus(binary, ["plan", "C000003", "--db", db])
        #expect(missingStatus == 2 && missing.contains("customer C000003 has no saved plan yet"))
        let (bad, badStatus) = try TmuxSession.runWithStatus(binary, ["plan", "nobody", "--db", db])
        #expect(badStatus == 2 && bad.contains("\"nobody\" is not a customer ID"))
        // --given records the copy as handed over, as w on the plan screen does.
        func copies() throws -> Int {
            let json = try JSONSerialization.jsonObject(with: Data(try TmuxSession.run(binary, ["export", "--db", db]).utf8)) as! [String: Any]
            return (json["planCopies"] as? [Any])?.count ?? 0
        }
        let before = try copies()
        let (_, givenStatus) = try TmuxSession.runWithStatus(binary, ["plan", "C000016", "--given", "--out", dir + "/copy.txt", "--db", db])
        #expect(givenStatus == 0 && FileManager.default.fileExists(atPath: dir + "/copy.txt"))
        #expect(try copies() == before + 1)
    }

    @Test func cronExitsThosePastTheirAutomaticExitDate() throws {
        // A caseload last served in the spring, exited tonight by cron rather than at the next open.
        let old = dir + "/spring.sqlite"
        try TmuxSession.run(binary, ["seed", "--db", old, "--customers", "48", "--today", "2026-06-01"])
        func automatic() throws -> Int {
            let json = try JSONSerialization.jsonObject(with: Data(try TmuxSession.run(binary, ["export", "--db", old]).utf8)) as! [String: Any]
            return ((json["exits"] as? [[String: Any]]) ?? []).filter { $0["kind"] as? String == "automatic" }.count
        }
        let before = try automatic()
        // --dry-run lists who would exit as of the day given, and writes nothing.
        let (listed, listStatus) = try TmuxSession.runWithStatus(binary, ["exits", "--as-of", "2026-11-23", "--dry-run", "--db", old])
        #expect(listStatus == 0 && listed.hasPrefix("would exit ") && listed.contains("as of 2026-11-23") && listed.contains("exit dated 2026-"),
                "\(listed)")
        #expect(try automatic() == before)
        let (first, status) = try TmuxSession.runWithStatus(binary, ["exits", "--as-of", "2026-11-23", "--db", old])
        #expect(status == 0 && first.hasPrefix("exited "))
        // The same people, as the dry run said.
        #expect(first.dropFirst("exited ".count) == listed.dropFirst("would exit ".count))
        #expect(try automatic() > before)
        #expect(try TmuxSession.run(binary, ["exits", "--as-of", "2026-11-23", "--db", old]).contains("nobody is past their automatic-exit date"))
    }

    @Test func thePlannerFilterAndTheJSONFields() throws {
        let out = try TmuxSession.run(binary, ["report", "deadlines", "--db", db, "--as-of", "2026-11-23", "--planner", "mrivera",
                                               "--format", "json"])
        let items = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [[String: Any]]
        #expect(!items.isEmpty && items.allSatisfy { $0["planner"] as? String == "mrivera" })
        let first = try #require(items.first)
        #expect(Set(first.keys).isSuperset(of: ["customer_id", "customer_name", "planner", "rule", "due_date", "state", "days"]))
        #expect(items.contains { ($0["days"] as? Int ?? 0) < 0 && $0["state"] as? String == "overdue" })
    }

    @Test func badInputGetsAClearErrorAndStatus2() throws {
        let (date, dateStatus) = try TmuxSession.runWithStatus(binary, ["report", "deadlines", "--db", db, "--as-of", "2026-02-30"])
        #expect(dateStatus == 2 && date.contains("--as-of must be a date (YYYY-MM-DD or MM/DD/YYYY, e.g. 2026-03-09 or 03/09/2026), found \"2026-02-30\""))
        // The forms' other format is accepted too: the same report as of the same day.
        let iso = try TmuxSession.run(binary, ["report", "deadlines", "--db", db, "--as-of", "2026-11-20"])
        #expect(try TmuxSession.run(binary, ["report", "deadlines", "--db", db, "--as-of", "11/20/2026"]) == iso)
        let (who, whoStatus) = try TmuxSession.runWithStatus(binary, ["report", "deadlines", "--db", db, "--planner", "nobody"])
        #expect(whoStatus == 2 && who.contains("no staff member with login \"nobody\""))
    }
}
