import Domain
import Foundation

extension ServicesMatrix {
    /// The matrix shipped with careerplan (Sources/Store/Resources). A
    /// malformed file stops start-up with the entry and field named.
    public static func bundled() throws -> ServicesMatrix {
        if let data = FileManager.default.contents(atPath: besideProgram) { return try ServicesMatrix(data: data) }
        guard let url = Bundle.module.url(forResource: "services-matrix", withExtension: "json") else {
            throw StoreError.notFound("services-matrix.json beside the program")
        }
        return try ServicesMatrix(data: Data(contentsOf: url))
    }

    /// Where SwiftPM's build and `make install` put the file: the resource directory beside the running
    /// program, the first place `Bundle.module` looks. Setting up Foundation's Bundle to find it took about
    /// a quarter of the thread that decodes the matrix at start-up.
    static var besideProgram: String { RunningProgram.directory + "/careerplan_Store.resources/services-matrix.json" }
}
