// Imported first by cli.tsx: the SDK checks this when its modules load, and
// its Node-version warning would otherwise be written across the screen.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] = 'true';
export {};
