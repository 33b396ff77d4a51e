import Foundation

/// The venv of Python consumers and validators that Scripts/bootstrap-python installs (`.venv-test`).
public enum TestPython {
    /// Why a test cannot run its Python consumer: the venv is missing or lacks a module.
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// `.venv-test/bin/python`, or an error saying how to install it: a missing venv fails the test, loudly.
    public static func interpreter(importing modules: [String] = []) throws -> String {
        let python = Repository.path(".venv-test/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw Missing(description: "\(python) is missing: run Scripts/bootstrap-python (Scripts/test does)")
        }
        for module in modules {
            let probe = try Program.run(python, ["-c", "import \(module)"])
            guard probe.status == 0 else {
                throw Missing(description: "\(python) cannot import \(module): run Scripts/bootstrap-python\n\(probe.stderr)")
            }
        }
        return python
    }

    /// Runs `script` (Python source) with `arguments` in the venv, after checking it can import `modules`.
    public static func run(_ script: String, _ arguments: [String] = [], importing modules: [String] = []) throws -> RunResult {
        try Program.run(try interpreter(importing: modules), ["-c", script] + arguments)
    }
}
