/// The caseload title's counts ("Caseload !7 *2"), kept current: read
/// again when this process has written anything since (a note written from
/// the dashboard, a plan saved), so the title never lags behind the screens
/// above it, yet a frame costs one integer comparison.
final class DueCounts {
    private let session: Session
    private var readAfter = -1
    private var counts: Result<(overdue: Int, dueSoon: Int), any Error>?

    init(session: Session) { self.session = session }

    var current: Result<(overdue: Int, dueSoon: Int), any Error>? {
        let writes = session.store.writesCommitted
        if writes != readAfter {
            counts = DashboardScreen.counts(session: session)
            readAfter = writes
        }
        return counts
    }
}
