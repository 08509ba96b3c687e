import DoctorChecks
import DoctorCore
import DoctorRun
import Foundation
import LocalMongod
import Setup
import Testing

/// The setup flow over fakes: what it plans, what it changes, where it stops.
@Suite struct SetupFlowTests {
    func world(fixRan: Recorder<Bool> = Recorder(false), extra: [Finding] = []) -> FakeWorld {
        let down = Scenario.notRunning(fixRan: fixRan, extra: extra)
        return FakeWorld(diagnoser: FakeDiagnoser(first: down, withConfig: down, recheck: Scenario.healthy))
    }

    @Test func aMissingDataDirectoryIsCreatedThenMongodStartsAndEverythingIsGreen() async throws {
        let fixRan = Recorder(false)
        let fakes = world(fixRan: fixRan)
        let outcome = await fakes.run(Scenario.request())
        #expect(outcome.ids == ["diagnose", "config.write", "dbpath.create-directory", "mongod.start", "mongod.wait", "provision", "recheck", "env.write"])
        #expect(outcome.steps.allSatisfy { $0.status == .done }, "\(outcome.steps)")
        #expect(fixRan.value)
        let config = try #require(fakes.files.files.value["/etc/mongod.conf"])
        #expect(String(decoding: config.0, as: UTF8.self).contains("dbPath: \"/srv/md/db\""))
        #expect(fakes.launcher.started.value == [["/usr/bin/mongod", "--config", "/etc/mongod.conf"]])
        let env = try #require(fakes.files.files.value["/app/.env"])
        #expect(String(decoding: env.0, as: UTF8.self) == "MONGODB_URI=mongodb://127.0.0.1:27999/auth\n")
        #expect(env.1 == 0o600)
        #expect(outcome.exitCode == 0)
        #expect(fakes.diagnoser.requests.value.contains { $0.authStore?.database == "auth" }, "the re-check looks at the auth store")
    }

    @Test func aDryRunPlansEveryStepAndChangesNothing() async {
        let fixRan = Recorder(false)
        let fakes = world(fixRan: fixRan)
        let outcome = await fakes.run(Scenario.request { $0.dryRun = true })
        #expect(outcome.dryRun)
        #expect(outcome.steps.dropFirst().allSatisfy { $0.status == .planned }, "\(outcome.steps)")
        #expect(!fixRan.value && fakes.files.files.value.isEmpty && fakes.launcher.started.value.isEmpty)
        #expect(fakes.provisioner.calls.value.isEmpty)
    }

    @Test func withoutATerminalAndWithoutYesItIsADryRunAndSaysSo() async {
        let fakes = world()
        let outcome = await fakes.run(Scenario.request { $0.assumeYes = false; $0.interactive = false })
        #expect(outcome.dryRun && outcome.dryRunReason?.contains("--yes") == true)
        #expect(fakes.files.files.value.isEmpty && fakes.launcher.started.value.isEmpty && fakes.asked.value == 0)
    }

    @Test func onATerminalItAsksOnce() async {
        let fakes = world()
        let outcome = await fakes.run(Scenario.request { $0.assumeYes = false; $0.interactive = true })
        #expect(fakes.asked.value == 1 && !outcome.dryRun && outcome.exitCode == 0)
    }

    @Test func aPortHeldByAnotherProgramBlocksTheStart() async {
        let held = Finding(id: .portInUse, severity: .error, title: "Port 27999 is taken by pid 77 (python3 -m http.server)",
                           fixes: [Fix(id: .portStopHolder, summary: "stop it", commands: ["kill 77"])])
        let fakes = world(extra: [held])
        let outcome = await fakes.run(Scenario.request())
        #expect(outcome.status("mongod.start") == .blocked)
        #expect(outcome.steps.first { $0.id == "mongod.start" }?.finding == .portInUse)
        #expect(fakes.launcher.started.value.isEmpty, "nothing is started on a taken port")
        #expect(fakes.files.files.value.isEmpty, "no file is written for a mongod that cannot start")
        #expect(outcome.status("config.write") == .skipped && outcome.status("dbpath.create-directory") == .skipped)
        #expect(["provision", "recheck", "env.write"].allSatisfy { outcome.status($0) == .skipped })
        #expect(outcome.exitCode == 1)
    }

    @Test func aMongodThatExitsIsExplainedFromItsLog() async throws {
        var fakes = world()
        fakes.launcher.exitCode = 100
        fakes.waiter.after = nil
        let line = #"{"t":{"$date":"2025-01-01T00:00:00.000+00:00"},"s":"E","c":"CONTROL","id":20557,"ctx":"initandlisten","msg":"DBException in initAndListen, terminating","attr":{"error":"NonExistentPath: Data directory /srv/md/db not found. Create the missing directory or specify another path using (1) the --dbpath command line option, or (2) by adding the 'storage.dbPath' option in the configuration file."}}"#
        fakes.probe.files["/var/lib/ignored"] = ""
        fakes.probe.files["/srv/md/mongod.log"] = line + "\n"
        // The configuration exists, so its log path is the one read.
        var first = fakes.diagnoser.first
        first.localSettings = Scenario.settings(configState: .parsed)
        fakes.diagnoser = FakeDiagnoser(first: first, withConfig: nil, recheck: Scenario.healthy)
        let outcome = await fakes.run(Scenario.request())
        #expect(outcome.status("mongod.wait") == .failed)
        #expect(outcome.steps.first { $0.id == "mongod.wait" }?.finding == .dbpathMissing, "\(outcome.steps)")
        let setup = try #require(outcome.results.last)
        #expect(setup.id == .setup && setup.findings.contains { $0.id == .dbpathMissing })
        #expect(outcome.status("provision") == .skipped && outcome.exitCode == 1)
    }

    @Test func aMongodThatExitsWithoutALogIsExplainedByItsExitCode() async throws {
        var fakes = world()
        fakes.launcher.exitCode = 48
        fakes.waiter.after = nil
        let outcome = await fakes.run(Scenario.request())
        let setup = try #require(outcome.results.last)
        let exited = try #require(setup.findings.first { $0.id == .setupMongodExited })
        #expect(exited.title.contains("48"))
        #expect(exited.evidence.contains { $0.hasPrefix("likely causes:") && $0.contains("port.in-use") }, "\(exited.evidence)")
    }

    @Test func theWaitIsBoundedByTheClock() async throws {
        var fakes = world()
        fakes.waiter.after = nil
        let outcome = await fakes.run(Scenario.request { $0.wait = .seconds(3) })
        #expect(outcome.status("mongod.wait") == .failed)
        #expect(outcome.results.last?.findings.contains { $0.id == .setupWaitTimeout } == true)
        #expect(fakes.clock.now() >= .seconds(3) && fakes.clock.now() < .seconds(4))
    }

    @Test func aHealthyServerIsOnlyProvisionedAndASecondRunChangesNothing() async {
        var fakes = FakeWorld(diagnoser: FakeDiagnoser(first: Scenario.healthy, recheck: Scenario.healthy))
        let outcome = await fakes.run(Scenario.request())
        #expect(outcome.ids == ["diagnose", "mongod.start", "provision", "recheck", "env.write"])
        #expect(outcome.status("mongod.start") == .unchanged && outcome.status("provision") == .done)
        #expect(fakes.launcher.started.value.isEmpty)
        fakes.provisioner = FakeProvisioner(existing: ["collection.users", "collection.sessions"])
        let again = await fakes.run(Scenario.request { $0.assumeYes = false; $0.interactive = false })
        #expect(!again.dryRun, "nothing to change needs no consent")
        #expect(again.changedNothing && again.exitCode == 0, "\(again.steps)")
        #expect(again.status("env.write") == .unchanged)
    }

    @Test func anotherMongoDBURIInTheEnvFileIsKeptWithoutYes() async throws {
        let fakes = FakeWorld(diagnoser: FakeDiagnoser(first: Scenario.healthy, recheck: Scenario.healthy))
        try await fakes.files.replace("/app/.env", contents: Data("A=1\nMONGODB_URI=mongodb://elsewhere/app\n".utf8), mode: 0o644)
        let outcome = await fakes.run(Scenario.request { $0.assumeYes = false; $0.interactive = true })
        #expect(outcome.status("env.write") == .blocked)
        #expect(String(decoding: fakes.files.files.value["/app/.env"]!.0, as: UTF8.self) == "A=1\nMONGODB_URI=mongodb://elsewhere/app\n")
        #expect(outcome.results.last?.findings.contains { $0.id == .setupEnvConflict } == true)
        #expect(outcome.exitCode == 1)
    }

    @Test func theAppUsersPasswordIsNeverInAStepOrAFinding() async {
        let fakes = FakeWorld(diagnoser: FakeDiagnoser(first: Scenario.healthy, recheck: Scenario.healthy))
        let outcome = await fakes.run(Scenario.request { $0.appUser = SetupAppUser(name: "app", password: "pa55:word@x") })
        let shown = outcome.steps.map { $0.detail + $0.commands.joined() } + outcome.results.flatMap(\.findings).map { $0.title + $0.detail }
        #expect(!shown.joined().contains("pa55"))
        #expect(outcome.handOverShown == "mongodb://app:*****@127.0.0.1:27999/auth")
        let env = String(decoding: fakes.files.files.value["/app/.env"]?.0 ?? Data(), as: UTF8.self)
        #expect(env == "MONGODB_URI=mongodb://app:pa55%3Aword%40x@127.0.0.1:27999/auth\n")
    }
}
