/// Who works whose customers, and staff who leave: what `careerplan staff
/// hand-off|cover|deactivate|reactivate` asks of a store. Both stores do it,
/// each checking the signed-in user and refusing in the same words.
public protocol StaffChanges: Caseload {
    /// Every customer of planner `from` to planner `to`, with why; how many moved.
    func handOff(from: String, to: String, reason: String, by user: Staff?, today: Day) throws -> Int
    /// A member gone from `day`; a planner's customers to `handOffTo` at once; how many moved.
    func deactivate(_ login: String, on day: Day, reason: String, handOffTo: String?, by user: Staff?) throws -> Int
    func reactivate(_ login: String, by user: Staff?) throws
    /// A cover ended on `day` (kept as its record); how many changed.
    func endCover(_ login: String, for forLogin: String, on day: Day, by user: Staff?) throws -> Int
    /// Covers running on `day` or later (every cover for nil), optionally of one planner.
    func coverings(from day: Day?, login: String?) throws -> [Covering]
}
