import Domain
import GRDB

extension CaseloadStore {
    /// The area's clock settings; Illinois defaults for any not set.
    public func clockSettings() throws -> ClockSettings {
        try pool.read { db in
            let pairs = try Row.fetchAll(db, sql: "SELECT key, value FROM setting")
            var s = ClockSettings.illinois
            for row in pairs {
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
}
