import App
import ArgumentParser
import Foundation

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the key reference (Markdown) from the tables that draw the key bar and help.",
        discussion: "Each screen of `careerplan screenshot`, reached on demo data; scripts/screenshots puts it in the README."
    )

    func run() throws {
        let dir = NSTemporaryDirectory() + "careerplan-keys-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let store = try Screenshot.demoStore(at: dir + "/demo.sqlite")
        defer { try? store.close() }
        let screens = try Screenshot.allCases.map { shot in
            let taken = try shot.take(store: store, login: Screenshot.login, today: Screenshot.day, width: 100, height: 30,
                                      fileLabel: "demo.sqlite")
            return (taken.title, taken.keys)
        }
        print(KeyReference.markdown(screens), terminator: "")
    }
}
