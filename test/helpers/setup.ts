// Runs in every test worker before the test files are imported.
// Ink reads CI when it is imported: with CI=true it renders only the last
// frame, which would hide the intermediate frames the tests look at.
// Ink reads CI, CONTINUOUS_INTEGRATION and any CI_* variable.
for (const name of Object.keys(process.env)) {
  if (
    name === 'CI' ||
    name === 'CONTINUOUS_INTEGRATION' ||
    name.startsWith('CI_')
  )
    delete process.env[name];
}
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
// Frames are compared as text; colour is tested on purpose where it matters.
process.env['FORCE_COLOR'] = '1';
delete process.env['NO_COLOR'];
