import MagRelaxAssets
enum EmbeddedCheck { static let count = EmbeddedAssets.files.count }
