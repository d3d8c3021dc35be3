import Foundation
import Glibc

/// The real careerplan in a pseudo-terminal (through `script`), fed keys on
/// its input and read byte by byte: what a user over SSH would receive.
final class PtySession {
    let pid: pid_t
    private let input: Int32
    private let output: Int32
    private(set) var received: [UInt8] = []
    let started: Date

    init(_ command: String, width: Int = 80, height: Int = 24) throws {
        var toChild: [Int32] = [0, 0], fromChild: [Int32] = [0, 0]
        guard pipe(&toChild) == 0, pipe(&fromChild) == 0 else { throw BenchError("pipe failed") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fromChild[1], 2)
        posix_spawn_file_actions_addclose(&actions, toChild[1])
        posix_spawn_file_actions_addclose(&actions, fromChild[0])
        let env = ["TERM=xterm-256color", "LANG=C.UTF-8", "LINES=\(height)", "COLUMNS=\(width)",
                   "HOME=" + (ProcessInfo.processInfo.environment["HOME"] ?? "/tmp"), "PATH=/usr/bin:/bin"]
        let argv = ["/usr/bin/script", "-qfec", "stty cols \(width) rows \(height); exec " + command, "/dev/null"]
        let cArgv = argv.map { strdup($0) } + [nil]
        let cEnv = env.map { strdup($0) } + [nil]
        defer { cArgv.forEach { free($0) }; cEnv.forEach { free($0) } }
        var pid: pid_t = 0
        started = Date()
        guard posix_spawn(&pid, "/usr/bin/script", &actions, nil, cArgv, cEnv) == 0 else { throw BenchError("cannot start script") }
        self.pid = pid
        close(toChild[0])
        close(fromChild[1])
        input = toChild[1]
        output = fromChild[0]
    }

    /// Reads until `done` holds for what arrived, or the time runs out.
    @discardableResult
    func read(timeout: Double, until done: ([UInt8]) -> Bool = { _ in false }) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            var fds = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
            let ms = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&fds, 1, ms) > 0 else { continue }
            let n = Glibc.read(output, &buffer, buffer.count)
            if n <= 0 { return done(received) }
            received += buffer[0..<n]
            if done(received) { return true }
        }
        return done(received)
    }

    /// Reads until nothing more arrives for `quiet` seconds; returns how many bytes came.
    func drain(quiet: Double = 0.25, limit: Double = 10) -> Int {
        let before = received.count
        let deadline = Date().addingTimeInterval(limit)
        while Date() < deadline {
            let count = received.count
            read(timeout: quiet)
            if received.count == count { break }
        }
        return received.count - before
    }

    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBufferPointer { write(input, $0.baseAddress, $0.count) }
    }

    var text: String { String(decoding: received, as: UTF8.self) }

    /// Ends careerplan as a dropped connection would (SIGTERM: it keeps what was typed and closes the file),
    /// waits for it to be gone, then ends `script`, which on a signal of its own took two seconds to exit:
    /// most of the start-up figures' time, and so the rounds they could afford.
    func finish() {
        let program = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8))?
            .split(separator: " ").first.flatMap { pid_t($0) }
        if let program, kill(program, SIGTERM) == 0 {
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, kill(program, 0) == 0, !Self.isZombie(program) { usleep(1_000) }
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(input)
        close(output)
    }

    /// Exited, not yet reaped by its parent (`script`).
    private static func isZombie(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return true }
        return stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
