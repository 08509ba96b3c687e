import Foundation
import Testing
@testable import MongoBridge

/// The bridge, once initialised, leaves no libmongoc counter segment under this process's name.
@Suite struct SharedMemoryCountersTests {
    @Test func initialisedRuntimeLeavesNoSegment() {
        MongoRuntime.ensureInitialized()
        let fd = shm_open(SharedMemoryCounters.name(), O_RDONLY, 0)
        if fd >= 0 { close(fd) }
        #expect(fd == -1 && errno == ENOENT, "\(SharedMemoryCounters.name()) is still there")
    }

    @Test func releasingANameThatIsGoneIsHarmless() {
        MongoRuntime.ensureInitialized()
        #expect(!SharedMemoryCounters.release())
    }
}
