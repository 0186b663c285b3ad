export const TOKEN_SERVICE = Symbol('TOKEN_SERVICE');
