import Domain
import Store

/// A screen showing one customer's case file, which it reads again when a
/// screen above it closes (the records may have changed there).
protocol CaseFileScreen: CustomerScreen {
    var session: Session { get }
    var file: CaseFile { get set }
    var message: String? { get set }
    var notice: String? { get set }
}

extension CaseFileScreen {
    mutating func reload(after result: ScreenResult) {
        if case .updated(_, let text) = result { notice = text }
        do {
            if let fresh = try session.store.caseFile(file.customer.id) { file = fresh }
        } catch {
            message = "Cannot read the data file: \(error)"
        }
    }
}
