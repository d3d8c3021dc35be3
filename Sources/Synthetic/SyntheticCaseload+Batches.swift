import Dispatch
import Domain

extension SyntheticCaseload {
    /// The cases of customers 1 to `count`, `size` at a time, each batch made
    /// on another thread while `store` writes the one before (making the
    /// cases is about a sixth of seeding; the file takes one writer).
    public func eachBatch(upTo count: Int, size: Int,
                          _ store: (ClosedRange<Int>, [CaseRecords]) throws -> Void) throws {
        let ranges = stride(from: 1, through: count, by: size).map { $0...Swift.min(count, $0 + size - 1) }
        guard let first = ranges.first else { return }
        var current = first.map(intake)
        for (i, range) in ranges.enumerated() {
            let next = Made()
            let made = DispatchSemaphore(value: 0)
            if i + 1 < ranges.count {
                let upcoming = ranges[i + 1]
                DispatchQueue.global().async {
                    next.cases = upcoming.map(intake)
                    made.signal()
                }
            } else {
                made.signal()
            }
            try store(range, current)
            made.wait()
            current = next.cases
        }
    }
}

/// A batch made on another thread, read only after its semaphore is signalled.
private final class Made: @unchecked Sendable {
    var cases: [CaseRecords] = []
}
