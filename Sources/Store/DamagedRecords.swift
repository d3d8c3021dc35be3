import Domain
import Foundation
import GRDB

/// Customers whose records cannot be read as what they should be: a body that does not decode, or that
/// careerplan's functions refuse to unpack (a bad disk block, a hand edit), in a file that itself reads.
/// The passes over many customers (due items, the day's automatic exits) leave such a customer as it was
/// and go on with the rest, and the key bar says whose records to restore: one damaged record used to stop
/// every opening of the file and every other customer's write.
extension CaseloadStore {
    /// What `all` reads of many customers together, or, when one of them is damaged, each of `ids` read on
    /// its own by `each`: those that read, and the others. Any other failure (the file, the disk) is thrown.
    static func readingPastDamage<T>(all: () throws -> [T], ids: () throws -> [Int64], each: (Int64) throws -> [T]) throws
        -> (read: [T], unreadable: Set<Int64>) {
        do {
            return (try all(), [])
        } catch where isDamagedRecord(error) {
            var out: [T] = []
            var unreadable: Set<Int64> = []
            for id in try ids() {
                do { out += try each(id) } catch where isDamagedRecord(error) { unreadable.insert(id) }
            }
            return (out, unreadable)
        }
    }

    static func isDamagedRecord(_ error: any Error) -> Bool {
        if error is StoreError || error is DecodingError { return true }
        if let error = error as? DatabaseError { return error.resultCode == .SQLITE_ERROR }
        return false
    }

    /// Remembers customers found unreadable, for `upkeepProblem` and the passes that skip them.
    func remember(unreadable found: Set<Int64>) {
        if !found.isEmpty { unreadable.withLock { $0.formUnion(found) } }
    }
}
