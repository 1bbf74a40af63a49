/** Stand-in for imported stylesheets in jest (see the admin project's moduleNameMapper). */
const styles: Record<string, string> = {};
export default styles;
