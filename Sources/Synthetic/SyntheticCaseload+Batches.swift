import Dispatch
import Domain

extension SyntheticCaseload {
    /// The cases of customers 1 to `count`, `size` at a time, each batch made
    /// and `prepare`d on another thread while `store` writes the one before
    /// (making the cases is about a sixth of seeding, encoding and packing
    /// their bodies a quarter; the file takes one writer). Batches are
    /// prepared in order, one at a time. `opening`: the sizes of the first
    /// batches, before those of `size` (the first is made before anything is
    /// written, with nothing beside it).
    public func eachBatch<Batch: Sendable>(upTo count: Int, size: Int, opening: [Int] = [],
                                           prepare: @escaping @Sendable ([CaseRecords]) -> Batch,
                                           _ store: (ClosedRange<Int>, Batch) throws -> Void) throws {
        var ranges: [ClosedRange<Int>] = []
        var next = 1
        for batch in opening where next <= count {
            ranges.append(next...Swift.min(count, next + batch - 1))
            next = ranges.last!.upperBound + 1
        }
        ranges += stride(from: next, through: count, by: size).map { $0...Swift.min(count, $0 + size - 1) }
        guard let opening = ranges.first else { return }
        var current = prepare(opening.map(intake))
        for (i, range) in ranges.enumerated() {
            let next = Made<Batch>()
            let made = DispatchSemaphore(value: 0)
            if i + 1 < ranges.count {
                let upcoming = ranges[i + 1]
                DispatchQueue.global().async {
                    next.batch = prepare(upcoming.map(intake))
                    made.signal()
                }
            } else {
                made.signal()
            }
            try store(range, current)
            made.wait()
            if let batch = next.batch { current = batch }
        }
    }
}

/// A batch made on another thread, read only after its semaphore is signalled.
private final class Made<Batch>: @unchecked Sendable {
    var batch: Batch?
}
