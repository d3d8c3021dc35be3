import Foundation
import Glibc
import Testing

/// The README's SSH recipe against a real sshd on 127.0.0.1: a remote staff
/// account whose login shell is careerplan lands in careerplan on the
/// center's data file; asking for another command still gets careerplan;
/// the account's own .bashrc and .profile never run.
@Suite(.serialized, .enabled(if: CenterInstall.isRoot && FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd"),
                             "needs root and sshd (openssh-server; scripts/setup installs it)"))
final class SSHRecipeTests {
    let center: CenterInstall
    let remote: String
    let sshDir: String
    var port = 0

    init() throws {
        center = try CenterInstall()
        sshDir = center.prefix + "/ssh"
        // The README: the staff account's login shell is careerplan.
        remote = try center.addAccount("rem", shell: center.binary)
        try center.root("/usr/sbin/usermod", ["-p", "*", remote])
        try #require(try center.careerplan(as: "root", ["init", "--admin", remote, "--name", "Remy Remote"]).status == 0)
        try #require(try center.careerplan(as: remote, ["seed", "--db", center.dataFile, "--customers", "12"]).status == 0)
        let home = center.home(remote)
        for rc in [".bashrc", ".profile", ".bash_profile"] {
            try "touch \(home)/\(rc)-ran\n".write(toFile: home + "/" + rc, atomically: true, encoding: .utf8)
        }
        try center.root("/usr/bin/install", ["-d", "-m", "700", sshDir])
        try center.root("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", sshDir + "/host_key"])
        try center.root("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", sshDir + "/client_key"])
        try center.root("/usr/bin/install", ["-d", "-m", "700", "-o", remote, "-g", remote, home + "/.ssh"])
        try center.root("/usr/bin/install", ["-m", "600", "-o", remote, "-g", remote, sshDir + "/client_key.pub", home + "/.ssh/authorized_keys"])
        try center.root("/usr/bin/install", ["-d", "-m", "755", "/run/sshd"])
        try startSSHD()
    }

    deinit {
        if let pid = try? String(contentsOfFile: sshDir + "/sshd.pid", encoding: .utf8), let n = Int32(pid.trimmingCharacters(in: .whitespacesAndNewlines)) {
            kill(n, SIGTERM)
        }
    }

    /// sshd on a free port of 127.0.0.1, with the README's Match block.
    func startSSHD() throws {
        for _ in 0..<8 {
            port = Int.random(in: 20_000...60_000)
            let config = """
                Port \(port)
                ListenAddress 127.0.0.1
                HostKey \(sshDir)/host_key
                PidFile \(sshDir)/sshd.pid
                AuthorizedKeysFile .ssh/authorized_keys
                PasswordAuthentication no
                KbdInteractiveAuthentication no
                UsePAM no
                StrictModes no
                AcceptEnv LANG LC_*

                Match Group \(center.staffGroup)
                    ForceCommand \(center.binary)
                    PermitUserRC no
                    PermitTunnel no
                    X11Forwarding no
                    AllowTcpForwarding no
                    AllowAgentForwarding no

                """
            try config.write(toFile: sshDir + "/sshd_config", atomically: true, encoding: .utf8)
            let (out, status) = try TmuxSession.runWithStatus("/usr/sbin/sshd", ["-f", sshDir + "/sshd_config", "-E", sshDir + "/sshd.log"])
            try #require(status == 0, "sshd: \(out)")
            for _ in 0..<50 where !FileManager.default.fileExists(atPath: sshDir + "/sshd.pid") { usleep(100_000) }
            if FileManager.default.fileExists(atPath: sshDir + "/sshd.pid") { return }
        }
        Issue.record("sshd did not start: \((try? String(contentsOfFile: sshDir + "/sshd.log", encoding: .utf8)) ?? "")")
    }

    var ssh: [String] {
        ["/usr/bin/ssh", "-F", "/dev/null", "-i", sshDir + "/client_key", "-p", "\(port)", "-o", "StrictHostKeyChecking=no",
         "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR", "-o", "SendEnv=LANG"]
    }

    func ranStartupFiles() -> [String] {
        [".bashrc", ".profile", ".bash_profile"].filter { FileManager.default.fileExists(atPath: center.home(remote) + "/\($0)-ran") }
    }

    @Test func aRemoteAccountLandsInCareerplanOnTheCentersFile() throws {
        let tmux = try TmuxSession(dir: sshDir, command: ssh + ["-tt", "\(remote)@127.0.0.1"], width: 120, height: 40)
        let screen = try tmux.waitFor(text: center.dataFile)
        #expect(screen.contains("\(remote) (Remy Remote)") && screen.contains("Caseload"), "\(screen)")
        try tmux.send("F10")
        #expect(tmux.waitForExit() != nil)
        // Asking for a shell in a terminal still gets careerplan.
        try FileManager.default.createDirectory(atPath: sshDir + "/2", withIntermediateDirectories: true)
        let shell = try TmuxSession(dir: sshDir + "/2", command: ssh + ["-tt", "\(remote)@127.0.0.1", "/bin/bash", "-i"], width: 120, height: 40)
        _ = try shell.waitFor(text: center.dataFile)
        try shell.send("F10")
        #expect(ranStartupFiles().isEmpty, "ran \(ranStartupFiles())")
    }

    @Test func aCommandOverSSHIsNeverRun() throws {
        let marker = center.prefix + "/command-ran"
        let (out, status) = try TmuxSession.runWithStatus(ssh[0], Array(ssh.dropFirst()) + ["\(remote)@127.0.0.1", "touch " + marker])
        #expect(status != 0 && out.contains("this account runs careerplan only"), "\(out)")
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(ranStartupFiles().isEmpty, "ran \(ranStartupFiles())")
    }
}
