internal import CLibMongoC
import MongoBridge

/// Frees a document made by `BSONWriter.make` (tests own what they make).
func bson_destroy_for_tests(_ doc: OpaquePointer) {
    bson_destroy(doc)
}
