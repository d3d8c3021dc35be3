import App
import Showcase
import ArgumentParser
import Foundation

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the key reference (Markdown) from the tables that draw the key bar and help.",
        discussion: "Each screen of `careerplan screenshot`, reached on demo data; scripts/screenshots puts it in the README."
    )

    func run() throws {
        Privilege.dropForGood()
        print(try Screenshot.withDemoStore(Screenshot.keyReference(onDemo:)), terminator: "")
    }
}
