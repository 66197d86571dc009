import MagRelaxApp
import MagRelaxCore
import NcursesBackend

print(NcursesBackend.version())
print(EmbeddedCheck.count)
