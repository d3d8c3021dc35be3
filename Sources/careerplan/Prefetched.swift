import Foundation

/// Work started on another thread now, its result taken later: start-up
/// decodes the services matrix (about 3 ms of JSON) on the second core
/// while the data file opens, instead of after it. A failure is thrown
/// where the result is taken, as if the work had been done there.
final class Prefetched<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Result<Value, any Error>?

    init(_ work: @escaping @Sendable () throws -> Value) {
        Thread.detachNewThread { [self] in
            result = Result { try work() }
            done.signal()
        }
    }

    func value() throws -> Value {
        done.wait()
        done.signal()   // later calls return at once
        return try result!.get()
    }
}
