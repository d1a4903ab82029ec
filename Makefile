# sam build calls build-<FunctionLogicalId> for each function of template.yaml (BuildMethod: makefile), in the
# source tree (build_in_source, samconfig.toml). Every function runs the same jar: the first call builds it with the
# Maven Wrapper (toolchains pick a JDK >= 21), the next ones find it up to date and only copy it. The jar goes into
# lib/ of the function's artifact directory, which the Java runtime puts on the class path.

MVN ?= ./mvnw
JAR := functions/target/shipbridge-functions.jar
SOURCES := pom.xml functions/pom.xml $(shell find functions/src/main -type f)

build-%: $(JAR)
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp $(JAR) "$(ARTIFACTS_DIR)/lib/"

$(JAR): $(SOURCES)
	$(MVN) -q -B -DskipTests -pl functions -am package
	touch $(JAR)
