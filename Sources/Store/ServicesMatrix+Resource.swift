import Domain
import Foundation

extension ServicesMatrix {
    /// The matrix shipped with careerplan (Sources/Store/Resources). A
    /// malformed file stops start-up with the entry and field named.
    public static func bundled() throws -> ServicesMatrix {
        guard let url = Bundle.module.url(forResource: "services-matrix", withExtension: "json") else {
            throw StoreError.notFound("services-matrix.json beside the program")
        }
        return try ServicesMatrix(data: Data(contentsOf: url))
    }
}
