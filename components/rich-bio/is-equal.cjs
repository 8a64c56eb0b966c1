// quill-delta requires lodash.isequal (CommonJS); this hands it the same function from lodash-es.
module.exports = require('lodash-es/isEqual.js').default;
