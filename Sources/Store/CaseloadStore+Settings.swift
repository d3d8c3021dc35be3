import Domain
import GRDB

extension CaseloadStore {
    /// The area's clock settings; Illinois defaults for any not set.
    public func clockSettings() throws -> ClockSettings {
        try read { db in try Self.clockSettings(db) }
    }

    static func clockSettings(_ db: Database) throws -> ClockSettings {
        let pairs = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
        return ClockSettings(stored: Dictionary(pairs.map { ($0["key"] as String, $0["value"] as String) }, uniquingKeysWith: { a, _ in a }))
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
