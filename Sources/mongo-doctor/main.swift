import MongoDoctorCLI

// Thin entry point: everything lives in MongoDoctorCLI so it can be tested.
await MongoDoctorCommand.runMain()
