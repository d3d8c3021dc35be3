import Domain
import GRDB

extension CaseloadStore {
    /// The area's clock settings; Illinois defaults for any not set.
    public func clockSettings() throws -> ClockSettings {
        try pool.read { db in try Self.clockSettings(db) }
    }

    static func clockSettings(_ db: Database) throws -> ClockSettings {
        do {
            let pairs = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
            var s = ClockSettings.illinois
            for row in pairs {
                if row["key"] as String == "acronym-legend" { s.acronymLegend = row["value"]; continue }
                guard let v = Int(row["value"] as String) else { continue }
                switch row["key"] as String {
                case "contact-interval-days": s.contactIntervalDays = v
                case "veteran-contact-interval-days": s.veteranContactIntervalDays = v
                case "review-interval-days": s.reviewIntervalDays = v
                case "warning-window-days": s.warningWindowDays = v
                default: break
                }
            }
            return s
        }
    }

    /// Saves the area's settings (administrators only), all in one transaction.
    public func saveClockSettings(_ settings: ClockSettings, by user: Staff?) throws -> ClockSettings {
        try Self.permit(.changeSettings, by: user)
        try write { db in
            for (key, value) in settings.values {
                try db.cached(sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", arguments: [key, value])
            }
        }
        return settings
    }
}
